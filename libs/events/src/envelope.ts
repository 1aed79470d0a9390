import { randomUUID } from 'node:crypto';
import { isoTime } from './iso-time';
import type { ObjectKey } from './subject';

/** The parts of a Kubernetes object the log itself relies on. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    generation?: number;
    creationTimestamp?: string;
    deletionTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [field: string]: unknown;
  };
  [field: string]: unknown;
}

export const SCHEMA_VERSION = 1;

/**
 * What a writer hands to `append`: the intent (`Kind.Intent`, past tense, e.g.
 * `Pod.Bound`), the full object after the change, who did it and why.
 * An intent of `Deleted` removes the object; its `object` is the last state.
 */
export interface EventDraft<O extends KubeObject = KubeObject> {
  readonly id?: string;
  readonly type: string;
  readonly object: O;
  readonly actor: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  /** Stream sequence of the event that caused this one, when there is one. */
  readonly causationSeq?: number;
  /** Free-form facts worth keeping next to the change (e.g. the scheduler's per-node decision). */
  readonly detail?: Record<string, unknown>;
}

/** The immutable event as it is stored (the message body on the stream). */
export interface WakeEvent<O extends KubeObject = KubeObject> extends ObjectKey {
  readonly id: string;
  readonly type: string;
  readonly uid: string;
  readonly object: O;
  readonly actor: string;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly causationSeq?: number;
  readonly detail?: Record<string, unknown>;
  readonly time: string;
  readonly schemaVersion: number;
}

/** An event read back from the log, with its place in it. */
export interface StoredEvent<O extends KubeObject = KubeObject> extends WakeEvent<O> {
  /** The stream sequence: the object's resourceVersion after this event. */
  readonly seq: number;
}

export const DELETED = 'Deleted';

export function intentOf(type: string): string {
  return type.slice(type.indexOf('.') + 1);
}

export function isRemoval(event: Pick<WakeEvent, 'type'>): boolean {
  return intentOf(event.type) === DELETED;
}

/**
 * Completes a draft into the event that will be stored. Pure but for id and clock defaults.
 * The optional fields are added only when present, between correlationId and time, so the
 * stored JSON keeps one field order.
 */
export function sealEvent<O extends KubeObject>(draft: EventDraft<O>, now?: Date): WakeEvent<O> {
  const id = draft.id ?? randomUUID();
  const meta = draft.object.metadata;
  const event: Record<string, unknown> = {
    id,
    type: draft.type,
    kind: draft.object.kind,
    namespace: meta.namespace ?? '',
    name: meta.name,
    uid: meta.uid ?? '',
    object: draft.object,
    actor: draft.actor,
    correlationId: draft.correlationId ?? id,
  };
  if (draft.causationId !== undefined) event.causationId = draft.causationId;
  if (draft.causationSeq !== undefined) event.causationSeq = draft.causationSeq;
  if (draft.detail !== undefined) event.detail = draft.detail;
  event.time = now ? now.toISOString() : isoTime();
  event.schemaVersion = SCHEMA_VERSION;
  return event as unknown as WakeEvent<O>;
}

/** The object as readers see it: its resourceVersion is the event's sequence. */
export function objectAt<O extends KubeObject>(event: StoredEvent<O>): O {
  return { ...event.object, metadata: { ...event.object.metadata, resourceVersion: String(event.seq) } };
}
