import type { KubeObject } from '@wake/events';

/** The parts of a pod the scheduler reads and writes. */
export type PodObject = KubeObject & {
  spec?: { nodeName?: string; schedulerName?: string; [k: string]: unknown };
  status?: { phase?: string; conditions?: PodCondition[]; [k: string]: unknown };
};

export interface PodCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastProbeTime?: string | null;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Is this pod waiting for this scheduler: no node, our schedulerName (or none), not being deleted, not finished? */
export function awaitsScheduling(pod: PodObject, schedulerName: string): boolean {
  if (pod.spec?.nodeName) return false;
  if ((pod.spec?.schedulerName || 'default-scheduler') !== schedulerName) return false;
  if (pod.metadata.deletionTimestamp) return false;
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed';
}

/** Sets (or replaces) one condition, keeping lastTransitionTime when the status does not change. */
export function withCondition(pod: PodObject, c: Omit<PodCondition, 'lastTransitionTime' | 'lastProbeTime'>, now: Date): PodObject {
  const conditions = [...(pod.status?.conditions ?? [])];
  const at = conditions.findIndex((x) => x.type === c.type);
  const prev = at >= 0 ? conditions[at] : undefined;
  const next: PodCondition = {
    type: c.type,
    status: c.status,
    lastProbeTime: null,
    lastTransitionTime: prev && prev.status === c.status && prev.lastTransitionTime ? prev.lastTransitionTime : iso(now),
    ...(c.reason ? { reason: c.reason } : {}),
    ...(c.message ? { message: c.message } : {}),
  };
  if (at >= 0) conditions[at] = next;
  else conditions.push(next);
  return { ...pod, status: { phase: 'Pending', ...pod.status, conditions } };
}

/**
 * The pod as the binding leaves it, in one write as the apiserver's pods/binding does:
 * spec.nodeName set and PodScheduled=True in status.
 */
export function boundPod(pod: PodObject, nodeName: string, now: Date): PodObject {
  const withNode: PodObject = { ...pod, spec: { ...pod.spec, nodeName } };
  return withCondition(withNode, { type: 'PodScheduled', status: 'True' }, now);
}

/** The pod's status after a failed cycle: PodScheduled=False, reason Unschedulable, Kubernetes' message. */
export function unschedulablePod(pod: PodObject, message: string, now: Date): PodObject {
  return withCondition(pod, { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }, now);
}
