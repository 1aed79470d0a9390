import { parseLabelSelector } from '@wake/api';
import { WakeError, type EventFilter } from '@wake/events';
import { parseObjectRef, resolveKind } from '../print/kind-arg';
import { parseTimeArg } from '../state/time-search';
import type { TimelineQuery } from './timeline-filter';

/** A timeline as a user asks for it, in words: `wake timeline` options or the gateway's query parameters. */
export interface TimelineArgs {
  /** Label selector (app=web,tier!=db). */
  readonly selector?: string;
  readonly namespace?: string;
  /** A kind as kubectl users type it (pod, pods, deploy, deployments.apps); unknown names are kept as given. */
  readonly kind?: string;
  /** `<kind>/<name>`: this object and everything it owns (namespace from `namespace`, else default). */
  readonly owner?: string;
  /** RFC 3339 times or durations back from now (10m). */
  readonly since?: string;
  readonly until?: string;
  readonly hideStatus?: boolean;
  readonly hideHeartbeats?: boolean;
}

/** The query the words mean (`now` anchors durations). Bad words are BadRequest errors. */
export function timelineQueryOf(a: TimelineArgs, now: Date): TimelineQuery {
  const since = a.since ? parseTimeArg(a.since, now) : undefined;
  const until = a.until ? parseTimeArg(a.until, now) : undefined;
  if (since && until && since.getTime() > until.getTime()) {
    throw new WakeError('BadRequest', `the time window is empty: since ${since.toISOString()} is after until ${until.toISOString()}`);
  }
  return {
    ...(a.namespace !== undefined ? { namespace: a.namespace } : {}),
    ...(a.kind ? { kind: resolveKind(a.kind)?.kind ?? a.kind } : {}),
    ...(a.owner ? { owner: parseObjectRef(a.owner, a.namespace) } : {}),
    ...(a.selector ? { selector: parseLabelSelector(a.selector) } : {}),
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
    hideStatus: Boolean(a.hideStatus),
    hideHeartbeats: Boolean(a.hideHeartbeats),
  };
}

/** The subject filter that narrows the stream read when the query allows it (ownership crosses kinds). */
export function timelineSubject(q: TimelineQuery): EventFilter | undefined {
  if (q.owner || !q.kind) return undefined;
  return { kind: q.kind, ...(q.namespace !== undefined ? { namespace: q.namespace } : {}) };
}
