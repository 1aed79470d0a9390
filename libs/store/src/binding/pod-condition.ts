import type { KubeObject } from '@wake/events';

/** The parts of a pod that scheduling reads and writes. */
export type PodObject = KubeObject & {
  spec?: { nodeName?: string; schedulerName?: string; schedulingGates?: unknown[]; [k: string]: unknown };
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
