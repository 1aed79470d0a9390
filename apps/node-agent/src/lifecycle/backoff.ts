/**
 * Kubernetes' crash back-off: the first restart is immediate, then 10 s, doubling up to 300 s;
 * a container that ran for 10 minutes starts over. Each instance carries, in a label, the
 * back-off to apply once it exits, so the sequence survives an agent restart.
 */
export const BACKOFF = { initialSeconds: 10, maxSeconds: 300, resetAfterRunningSeconds: 600 } as const;

/** The wait before restarting an instance that exited, given the back-off it was started with. */
export function restartDelaySeconds(instanceBackoffSeconds: number, ranForSeconds: number): number {
  return ranForSeconds >= BACKOFF.resetAfterRunningSeconds ? 0 : instanceBackoffSeconds;
}

/** The back-off the next instance carries, given the delay that preceded its start. */
export function nextBackoffSeconds(appliedDelaySeconds: number): number {
  return appliedDelaySeconds <= 0 ? BACKOFF.initialSeconds : Math.min(appliedDelaySeconds * 2, BACKOFF.maxSeconds);
}

/** Image pull retries (ImagePullBackOff): 10 s doubling to 300 s after the n-th failed attempt. */
export function pullBackoffSeconds(failedAttempts: number): number {
  if (failedAttempts <= 0) return 0;
  return Math.min(BACKOFF.initialSeconds * 2 ** (failedAttempts - 1), BACKOFF.maxSeconds);
}
