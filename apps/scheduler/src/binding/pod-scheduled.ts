import { withCondition, type PodObject } from '@wake/store';

export type { PodCondition, PodObject } from '@wake/store';

/**
 * Is this pod waiting for this scheduler: no node, our schedulerName (or none), no scheduling gates
 * (the binding would refuse it), not being deleted, not finished?
 */
export function awaitsScheduling(pod: PodObject, schedulerName: string): boolean {
  if (pod.spec?.nodeName) return false;
  if (pod.spec?.schedulingGates?.length) return false;
  if ((pod.spec?.schedulerName || 'default-scheduler') !== schedulerName) return false;
  if (pod.metadata.deletionTimestamp) return false;
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed';
}

/** The pod's status after a failed cycle: PodScheduled=False, reason Unschedulable, Kubernetes' message. */
export function unschedulablePod(pod: PodObject, message: string, now: Date): PodObject {
  return withCondition(pod, { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }, now);
}
