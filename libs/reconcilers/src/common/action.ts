import type { AnyObject } from './wire';

/** Identifies an object; `uid`, when given, is a delete precondition (Kubernetes `Preconditions.UID`). */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
}

export type Propagation = 'Background' | 'Foreground' | 'Orphan';
export type EventType = 'Normal' | 'Warning';

/**
 * What a reconciler asks the shell to do. The shell turns each into one event on the log.
 *
 * - `create`: a complete object (labels, ownerReferences, name). The shell fills uid,
 *   creationTimestamp and defaults through the shared object library.
 * - `update` / `updateStatus`: the whole object after the change; `expectSeq` is the
 *   resourceVersion it was read at (optimistic concurrency: a stale one is a conflict,
 *   and the shell requeues the key). `update` changes metadata/spec, `updateStatus` the
 *   status subresource only.
 * - `delete`: graceful delete of `key` (precondition `key.uid` and, when set, `expectSeq`).
 * - `event`: a core/v1 Event about `involvedObject`.
 * - `requeueAfter`: look at this key again after `seconds` even if nothing changes.
 *
 * `intent` names the change for the log (`Pod.<intent>`: e.g. `Adopted`, `Scaled`); the shell
 * may use a generic one when absent.
 *
 * Contract: a result writes each object at most once (so every `expectSeq` is the one the
 * reconciler read), and the actions may be applied in order, stopping at the first conflict.
 */
export type Action =
  | { type: 'create'; object: AnyObject; intent?: string }
  | { type: 'update'; object: AnyObject; expectSeq: string; intent?: string }
  | { type: 'updateStatus'; object: AnyObject; expectSeq: string; intent?: string }
  | { type: 'delete'; key: ObjectRef; expectSeq?: string; propagation?: Propagation; intent?: string }
  | { type: 'event'; eventType: EventType; reason: string; message: string; involvedObject: ObjectRef }
  | { type: 'requeueAfter'; seconds: number };

export type ActionType = Action['type'];

/** Exhaustiveness check for switches over `Action['type']` and other unions. */
export function assertNever(x: never): never {
  throw new Error(`unexpected variant: ${JSON.stringify(x)}`);
}

export function refOf(obj: AnyObject, fallback?: { apiVersion: string; kind: string }): ObjectRef {
  const m = obj.metadata ?? {};
  return {
    apiVersion: obj.apiVersion ?? fallback?.apiVersion ?? '',
    kind: obj.kind ?? fallback?.kind ?? '',
    ...(m.namespace ? { namespace: m.namespace } : {}),
    name: m.name ?? '',
    ...(m.uid ? { uid: m.uid } : {}),
  };
}

export function seqOf(obj: AnyObject): string {
  return obj.metadata?.resourceVersion ?? '0';
}

export function event(involved: AnyObject, eventType: EventType, reason: string, message: string): Action {
  return { type: 'event', eventType, reason, message, involvedObject: refOf(involved) };
}

/** Keeps at most one requeueAfter (the soonest) in a list of actions. */
export function mergeRequeues(actions: readonly Action[]): Action[] {
  const requeues = actions.filter((a): a is Extract<Action, { type: 'requeueAfter' }> => a.type === 'requeueAfter');
  if (requeues.length <= 1) return [...actions];
  const soonest = Math.min(...requeues.map((r) => r.seconds));
  return [...actions.filter((a) => a.type !== 'requeueAfter'), { type: 'requeueAfter', seconds: soonest }];
}

export function requeueAfter(seconds: number): Action {
  return { type: 'requeueAfter', seconds: Math.max(0, Math.ceil(seconds)) };
}
