import type { KubeObject, ObjectKey, StoredEvent } from '@wake/events';
import type { ChainStep } from '../causality/causal-chain';
import type { NoiseFilter } from '../noise/noise';
import { buildRevisions, type Revision } from '../revisions/revisions';
import type { StateAt } from '../state/state-at';
import type { TimelineEntry } from '../timeline/timeline-filter';

/**
 * The JSON answers of the history queries, the same for `wake … -o json` and the gateway's
 * history.wake.dev endpoints (the dashboard reads these).
 */
export const HISTORY_GROUP = 'history.wake.dev';
export const HISTORY_VERSION = 'v1';
export const HISTORY_API_VERSION = `${HISTORY_GROUP}/${HISTORY_VERSION}`;

/** A revision, with the whole object after it when asked for. */
export type RevisionEntry = Revision & { readonly object?: KubeObject };

/** `wake history -o json`: every retained revision of one object, deleted ones too. */
export interface ObjectHistory {
  readonly apiVersion: typeof HISTORY_API_VERSION;
  readonly kind: 'ObjectHistory';
  readonly object: ObjectKey;
  readonly revisions: RevisionEntry[];
  /** How many revisions the noise filter left out. */
  readonly hidden: number;
}

export interface ObjectHistoryOptions extends NoiseFilter {
  /** Each revision's whole object (`wake history --all`). */
  readonly withObjects?: boolean;
}

export function objectHistoryOf(key: ObjectKey, events: readonly StoredEvent[], o: ObjectHistoryOptions = {}): ObjectHistory {
  const list = buildRevisions(events, o);
  const bySeq = new Map(events.map((e) => [e.seq, e.object]));
  const revisions = o.withObjects ? list.revisions.map((r) => ({ ...r, object: bySeq.get(r.seq) })) : list.revisions;
  return { apiVersion: HISTORY_API_VERSION, kind: 'ObjectHistory', object: key, revisions, hidden: list.hidden };
}

/** `wake why -o json`: the causal chain of an object's current state. */
export interface CausalChain {
  readonly apiVersion: typeof HISTORY_API_VERSION;
  readonly kind: 'CausalChain';
  readonly object: ObjectKey;
  readonly steps: ChainStep[];
}

export function causalChainOf(key: ObjectKey, steps: ChainStep[]): CausalChain {
  return { apiVersion: HISTORY_API_VERSION, kind: 'CausalChain', object: key, steps };
}

/** The live objects at a point, and how the answer was computed (which snapshot, how many events on top). */
export interface StateDocument {
  readonly apiVersion: typeof HISTORY_API_VERSION;
  readonly kind: 'State';
  /** resourceVersion: the last sequence included (a kubectl list at that point carried the same). */
  readonly metadata: { readonly resourceVersion: string };
  readonly at: { readonly seq: number; readonly time: string };
  readonly fromSnapshot: number;
  readonly replayed: number;
  readonly items: KubeObject[];
}

export function stateDocumentOf(s: StateAt): StateDocument {
  return {
    apiVersion: HISTORY_API_VERSION, kind: 'State', metadata: { resourceVersion: String(s.seq) },
    at: { seq: s.seq, time: s.time }, fromSnapshot: s.fromSnapshot, replayed: s.replayed, items: s.objects,
  };
}

/** A timeline read to its end (the follow form streams the entries instead). */
export interface TimelineDocument {
  readonly apiVersion: typeof HISTORY_API_VERSION;
  readonly kind: 'Timeline';
  readonly items: TimelineEntry[];
}

export function timelineDocumentOf(items: TimelineEntry[]): TimelineDocument {
  return { apiVersion: HISTORY_API_VERSION, kind: 'Timeline', items };
}
