import { millis } from '../common/time';
import type { Pod } from '../common/wire';

/** `DefaultJobPodFailureBackOff` and `MaxJobPodFailureBackOff`, in seconds. */
export const POD_FAILURE_BACKOFF_SECONDS = 10;
export const MAX_POD_FAILURE_BACKOFF_SECONDS = 600;

/** `getFinishedTime`: the last container's finishedAt, else the Ready=False transition, else deletion, else creation. */
export function finishedAt(pod: Pod): number {
  const ends = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])]
    .map((s) => millis(s.state?.terminated?.finishedAt))
    .filter((t): t is number => t !== undefined);
  if (ends.length) return Math.max(...ends);
  const ready = (pod.status?.conditions ?? []).find((c) => c.type === 'Ready' && c.status === 'False');
  return millis(ready?.lastTransitionTime) ?? millis(pod.metadata?.deletionTimestamp) ?? millis(pod.metadata?.creationTimestamp) ?? 0;
}

/**
 * Seconds to wait before creating replacement pods (the Job's pod failure back-off): 10 s ×
 * 2^(failures since the last success − 1), capped at 10 min, counted from the last failure.
 * Kubernetes keeps this record in memory; we derive it from the terminated pods we still see.
 */
export function backoffRemaining(succeeded: readonly Pod[], failed: readonly Pod[], now: Date): number {
  const lastSuccess = Math.max(0, ...succeeded.map(finishedAt));
  const failures = failed.map(finishedAt).filter((t) => t > lastSuccess);
  if (failures.length === 0) return 0;
  const delay = Math.min(POD_FAILURE_BACKOFF_SECONDS * 2 ** (failures.length - 1), MAX_POD_FAILURE_BACKOFF_SECONDS);
  const left = Math.max(...failures) + delay * 1000 - now.getTime();
  return left > 0 ? left / 1000 : 0;
}
