import { matchesLabels, parseLabelSelector } from '@wake/api';
import { WakeError, type EventFilter, type StoredEvent } from '@wake/events';
import { resolveKind } from '../print/kind-arg';

/** A slice of the log as a user asks for it: `wake export` options or the gateway's query parameters. */
export interface SliceArgs {
  readonly from: string | number | undefined;
  readonly to: string | number | undefined;
  readonly kind?: string;
  readonly namespace?: string;
  readonly selector?: string;
}

/** Which events a slice holds: sequences from..to, narrowed by a subject filter and a predicate. */
export interface SliceQuery {
  readonly from: number;
  readonly to: number;
  readonly filter?: EventFilter;
  /** Does the event (or a state line's object) belong to the slice? The subject filter is checked too. */
  accept(e: Pick<StoredEvent, 'kind' | 'namespace' | 'object'>): boolean;
}

function sequence(name: string, v: string | number | undefined): number {
  const n = typeof v === 'number' ? v : v !== undefined && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new WakeError('BadRequest', `${name}: expected a stream sequence (a positive integer), got "${v ?? ''}"`);
  return n;
}

/** The slice the words mean. Bad words are BadRequest errors. */
export function sliceQueryOf(a: SliceArgs): SliceQuery {
  const from = sequence('from', a.from);
  const to = sequence('to', a.to);
  if (from > to) throw new WakeError('BadRequest', `from (${from}) is after to (${to})`);
  const kind = a.kind ? resolveKind(a.kind)?.kind ?? a.kind : undefined;
  const selector = a.selector ? parseLabelSelector(a.selector) : undefined;
  const ns = a.namespace;
  return {
    from, to,
    ...(kind ? { filter: { kind, ...(ns !== undefined ? { namespace: ns } : {}) } } : {}),
    accept: (e) => (!kind || e.kind === kind) && (ns === undefined || e.namespace === ns) && (!selector || matchesLabels(selector, e.object.metadata.labels)),
  };
}
