import { isWakeError, type KubeObject, type ObjectKey } from '@wake/events';
import type { Action } from '@wake/reconcilers';
import type { Actor, Cause, ObjectStore, WriteOptions } from '@wake/store';
import type { EventRecorder } from '../events/event-recorder';
import { slowStart } from './slow-start';
import { batches, planSteps, type EventAction, type Step, type WriteAction } from './steps';

export interface ApplyContext {
  readonly store: Pick<ObjectStore, 'create' | 'update' | 'delete'>;
  readonly recorder: EventRecorder;
  readonly actor: Actor;
  readonly controller: string;
  readonly component: string;
  readonly cause: Cause;
}

export interface ApplyResult {
  /** Per kind, the highest log sequence our writes produced: the cache must reach these before the key is reconciled again. */
  readonly written: Map<string, number>;
  readonly requeueAfter?: number;
  /** The first failure; the actions after it were not applied. */
  readonly error?: unknown;
  readonly applied: number;
}

/** `Deleted` names a removal on the log: never pass it as the intent of a write that may only mark. */
const safeIntent = (intent: string | undefined) => (intent && intent !== 'Deleted' ? intent : undefined);

/**
 * Turns a reconciler's actions into ObjectStore writes (in order; runs of creates or deletes
 * concurrently in slow-start batches; stopping at the first failure) and core/v1 Events
 * (recorded only for writes that succeeded).
 */
export async function applyActions(actions: readonly Action[], ctx: ApplyContext): Promise<ApplyResult> {
  const plan = planSteps(actions);
  const written = new Map<string, number>();
  let applied = 0;
  const note = (o: KubeObject) => {
    const seq = Number(o.metadata.resourceVersion);
    if (Number.isFinite(seq)) written.set(o.kind, Math.max(written.get(o.kind) ?? 0, seq));
  };
  const record = (e: Pick<EventAction, 'eventType' | 'reason' | 'message' | 'involvedObject'>) =>
    ctx.recorder.record({ eventType: e.eventType, reason: e.reason, message: e.message, involvedObject: e.involvedObject, component: ctx.component }, ctx.cause);
  const run = async (step: Step) => {
    if (step.write) {
      try {
        const result = await write(step.write, ctx);
        if (result) note(result);
        applied++;
      } catch (e) {
        // As Kubernetes' controllers do: a failed create/delete is a Warning on the object that asked for it.
        const about = step.events[0]?.involvedObject;
        const verb = step.write.type === 'create' ? 'Create' : step.write.type === 'delete' ? 'Delete' : undefined;
        if (about && verb && !isWakeError(e, 'Conflict')) {
          record({ eventType: 'Warning', reason: `Failed${verb}`, message: `Error ${verb === 'Create' ? 'creating' : 'deleting'}: ${(e as Error).message}`, involvedObject: about });
        }
        throw e;
      }
    }
    for (const e of step.events) record(e);
  };
  for (const batch of batches(plan.steps)) {
    const { error } = batch.length === 1
      ? await run(batch[0]).then(() => ({ error: undefined }), (error: unknown) => ({ error }))
      : await slowStart(batch, run);
    if (error) return { written, requeueAfter: plan.requeueAfter, error, applied };
  }
  return { written, requeueAfter: plan.requeueAfter, applied };
}

async function write(a: WriteAction, ctx: ApplyContext): Promise<KubeObject | undefined> {
  const base: WriteOptions = { actor: ctx.actor, ...ctx.cause, detail: { ...ctx.cause.detail, controller: ctx.controller } };
  switch (a.type) {
    case 'create':
      return ctx.store.create(a.object as KubeObject, { ...base, intent: safeIntent(a.intent) });
    case 'update':
    case 'updateStatus': {
      const o = a.object as KubeObject;
      const object = { ...o, metadata: { ...o.metadata, resourceVersion: a.expectSeq } };
      return ctx.store.update(object, { ...base, intent: safeIntent(a.intent), subresource: a.type === 'updateStatus' ? 'status' : undefined });
    }
    case 'delete': {
      const key: ObjectKey = { kind: a.key.kind, namespace: a.key.namespace ?? '', name: a.key.name };
      try {
        const { object } = await ctx.store.delete(key, {
          ...base,
          intent: safeIntent(a.intent),
          propagationPolicy: a.propagation,
          preconditions: { uid: a.key.uid, resourceVersion: a.expectSeq },
        });
        return object;
      } catch (e) {
        if (isWakeError(e, 'NotFound')) return undefined; // already gone: what we wanted
        throw e;
      }
    }
    default:
      return assertNever(a);
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected action ${JSON.stringify(x)}`);
}
