import { millis } from './time';
import type { Pod } from './wire';

/** `controller.IsPodActive`: not Succeeded, not Failed, not being deleted. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata?.deletionTimestamp;
}

export function isPodTerminating(pod: Pod): boolean {
  return !!pod.metadata?.deletionTimestamp;
}

export function readyCondition(pod: Pod) {
  return (pod.status?.conditions ?? []).find((c) => c.type === 'Ready');
}

export function isPodReady(pod: Pod): boolean {
  return readyCondition(pod)?.status === 'True';
}

/** When the pod last became ready (ms), if it is ready. */
export function readySince(pod: Pod): number | undefined {
  const c = readyCondition(pod);
  return c?.status === 'True' ? millis(c.lastTransitionTime) : undefined;
}

/** `podutil.IsPodAvailable`: ready for at least minReadySeconds at `now`. */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: Date): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds <= 0) return true;
  const since = readySince(pod);
  return since !== undefined && since + minReadySeconds * 1000 <= now.getTime();
}

/** Seconds until a ready pod becomes available, or undefined when it is not ready / already available. */
export function secondsUntilAvailable(pod: Pod, minReadySeconds: number, now: Date): number | undefined {
  if (minReadySeconds <= 0 || !isPodReady(pod)) return undefined;
  const since = readySince(pod);
  if (since === undefined) return undefined;
  const left = since + minReadySeconds * 1000 - now.getTime();
  return left > 0 ? left / 1000 : undefined;
}

/** The highest restart count among the pod's containers (`maxContainerRestarts`). */
export function maxContainerRestarts(pod: Pod): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((s) => s.restartCount ?? 0));
}
