import { prepareCreate, actorString, type Actor, type ObjectStore } from '@wake/store';
import { SELECTED_NODE_ANNOTATION } from '@wake/scheduling';
import type { EventLog, KubeObject, StoredEvent } from '@wake/events';
import type { StoredDecision } from '../record/trim-record';
import { unschedulablePod, type PodObject } from './pod-scheduled';
import { schedulingEvent, type SchedulingEventReason } from './scheduling-event';

/** Why the scheduler writes: the pod event it reacted to. */
export interface Cause {
  readonly causationId?: string;
  readonly causationSeq?: number;
  readonly correlationId?: string;
}

/**
 * The scheduler's writes. The binding is ObjectStore.bind: one Pod.Bound event (spec.nodeName and
 * PodScheduled=True, as the apiserver's pods/binding writes it) expecting the pod's resourceVersion
 * the cycle decided on — a pod changed or bound by anyone since is a ConflictError, never a second
 * binding. The informer already holds the exact object at that version, so the store reads nothing
 * back. Unschedulable status goes through the store too; Events are best-effort (see recordEvent).
 */
export class Binder {
  private readonly actorName: string;

  constructor(
    private readonly log: EventLog,
    private readonly store: ObjectStore,
    private readonly opts: { actor: Actor; component: string; instance: string; now?: () => Date },
  ) {
    this.actorName = actorString(opts.actor);
  }

  private now(): Date {
    return this.opts.now?.() ?? new Date();
  }

  async bind(pod: PodObject, nodeName: string, decision: StoredDecision, cause: Cause): Promise<StoredEvent> {
    const rv = Number(pod.metadata.resourceVersion);
    const key = { kind: 'Pod', namespace: pod.metadata.namespace ?? '', name: pod.metadata.name };
    const { event } = await this.store.bind(key, nodeName, {
      pod,
      expect: rv,
      actor: this.opts.actor,
      correlationId: cause.correlationId,
      causationId: cause.causationId,
      causationSeq: cause.causationSeq ?? rv,
      detail: { decision, scheduler: this.opts.instance },
    });
    return event!;
  }

  /**
   * Marks node-local claims as living on `nodeName` (annotation volume.kubernetes.io/selected-node,
   * as Kubernetes' VolumeBinding does for WaitForFirstConsumer volumes); from then on their pods
   * fit only there. Expects each claim's resourceVersion: a concurrent change fails the binding,
   * which is retried.
   */
  async placeClaims(claims: readonly KubeObject[], nodeName: string, cause: Cause): Promise<void> {
    for (const c of claims) {
      const annotations = { ...(c.metadata.annotations ?? {}), [SELECTED_NODE_ANNOTATION]: nodeName };
      await this.store.update({ ...c, metadata: { ...c.metadata, annotations } }, {
        actor: this.opts.actor, intent: 'ClaimPlaced', correlationId: cause.correlationId, causationId: cause.causationId, causationSeq: cause.causationSeq,
      });
    }
  }

  /** PodScheduled=False with Kubernetes' message; returns whether anything was written (an unchanged verdict is not). */
  async markUnschedulable(pod: PodObject, message: string, decision: StoredDecision, cause: Cause): Promise<boolean> {
    const next = unschedulablePod(pod, message, this.now());
    const written = await this.store.update(next, {
      actor: this.opts.actor, subresource: 'status', intent: 'SchedulingFailed',
      correlationId: cause.correlationId, causationId: cause.causationId, causationSeq: cause.causationSeq ?? Number(pod.metadata.resourceVersion),
      detail: { decision },
    });
    return written.metadata.resourceVersion !== pod.metadata.resourceVersion;
  }

  /** A core/v1 Event about the pod. Its name is new (random suffix), so the expectation is "no event yet" without a read. */
  async recordEvent(pod: PodObject, reason: SchedulingEventReason, message: string, cause: Cause): Promise<StoredEvent> {
    const now = this.now();
    const event = prepareCreate(schedulingEvent(pod, reason, message, { component: this.opts.component, instance: this.opts.instance, now }), {
      now, uid: globalThis.crypto.randomUUID(), random: Math.random,
    });
    return this.log.append({ type: 'Event.Created', object: event, actor: this.actorName, correlationId: cause.correlationId, causationId: cause.causationId, causationSeq: cause.causationSeq }, { expect: 0 });
  }

}
