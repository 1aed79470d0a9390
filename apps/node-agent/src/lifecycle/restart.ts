import type { ObservedContainer } from '../runtime/observed';
import { nextBackoffSeconds, restartDelaySeconds } from './backoff';

export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';

export type RestartDecision =
  | { readonly type: 'Keep' }
  | { readonly type: 'RestartNow'; readonly backoffSeconds: number }
  | { readonly type: 'BackOff'; readonly until: Date; readonly delaySeconds: number };

export function shouldRestart(policy: RestartPolicy, exitCode: number): boolean {
  switch (policy) {
    case 'Always': return true;
    case 'OnFailure': return exitCode !== 0;
    case 'Never': return false;
    default: { const never: never = policy; return never; }
  }
}

/** Init containers restart on failure unless the pod's policy is Never. */
export const initPolicy = (pod: RestartPolicy): RestartPolicy => (pod === 'Never' ? 'Never' : 'OnFailure');

/** An instance that will not run again by itself: exited, or created but failed to start. */
export function isFinished(c: ObservedContainer): boolean {
  const s = c.state;
  return !s.running && (s.status === 'exited' || s.status === 'dead' || (s.status === 'created' && (!!s.error || s.exitCode !== 0)));
}

/** What to do about an instance that exited: keep it, restart it now, or wait out the back-off. */
export function restartDecision(policy: RestartPolicy, c: ObservedContainer, now: Date): RestartDecision {
  if (!isFinished(c) || !shouldRestart(policy, c.state.exitCode)) return { type: 'Keep' };
  const started = c.state.startedAt ? Date.parse(c.state.startedAt) : NaN;
  const finished = c.state.finishedAt ? Date.parse(c.state.finishedAt) : Date.parse(c.createdAt);
  const ranFor = Number.isFinite(started) && started <= finished ? (finished - started) / 1000 : 0;
  const delay = restartDelaySeconds(c.backoffSeconds, ranFor);
  const until = new Date(finished + delay * 1000);
  if (now.getTime() >= until.getTime()) return { type: 'RestartNow', backoffSeconds: nextBackoffSeconds(delay) };
  return { type: 'BackOff', until, delaySeconds: delay };
}
