import { selectorMatches } from '../common/label-selector';
import { isPodReady } from '../common/pod-state';
import type { Pod } from '../common/wire';
import { withDisruptionAllowedCondition } from './disruption-condition';
import { disruptionTime } from './budget-status';
import type { PodDisruptionBudget, PodDisruptionBudgetStatus } from './types';

/**
 * The eviction subresource's rules (kubernetes pkg/registry/core/pod/storage/eviction.go), pure:
 * the shell reads the pod and the budgets, writes the budget's status and deletes the pod.
 */

/** `MaxDisruptedPodSize`: approved evictions the controller has not yet confirmed, beyond which evictions stop. */
export const MAX_DISRUPTED_POD_SIZE = 2000;

export const TOO_MANY_REQUESTS_MESSAGE = "Cannot evict pod as it would violate the pod's disruption budget.";
export const MULTIPLE_BUDGETS_MESSAGE = 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.';

/**
 * `canIgnorePDB`: a pod that is terminal, Pending or already being deleted is deleted without
 * looking at budgets (it is not, or no longer, part of what they protect).
 */
export function canIgnoreBudgets(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || !!pod.metadata?.deletionTimestamp;
}

/** `shouldEnforceResourceVersion`: delete such a pod only as read, so it cannot have turned Ready meanwhile. */
export function shouldPinResourceVersion(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata?.deletionTimestamp;
}

/** `getPodDisruptionBudgets`: the budgets of the pod's namespace whose selector selects it (nil selects nothing, `{}` all). */
export function budgetsForPod(pod: Pod, budgets: readonly PodDisruptionBudget[]): PodDisruptionBudget[] {
  return budgets.filter((b) => b.metadata?.namespace === pod.metadata?.namespace && selectorMatches(b.spec?.selector, pod.metadata?.labels));
}

/**
 * Whether a pod that is not Ready may go without using the budget: always under
 * unhealthyPodEvictionPolicy AlwaysAllow; under the default IfHealthyBudget only while the
 * application is not disrupted (currentHealthy >= desiredHealthy > 0). A Ready pod never.
 */
export function unhealthyPodMayGo(pod: Pod, pdb: PodDisruptionBudget): boolean {
  if (isPodReady(pod)) return false;
  if (pdb.spec?.unhealthyPodEvictionPolicy === 'AlwaysAllow') return true;
  const s = pdb.status ?? {};
  return (s.currentHealthy ?? 0) >= (s.desiredHealthy ?? 0) && (s.desiredHealthy ?? 0) > 0;
}

export type BudgetCheck =
  /** 429 TooManyRequests with a DisruptionBudget cause. */
  | { type: 'tooManyRequests'; cause: string; retryAfterSeconds: number }
  /** 403 Forbidden on the budget. */
  | { type: 'forbidden'; message: string }
  /** Allowed: the budget's status with the disruption taken (write it, unless dry run, before deleting). */
  | { type: 'allowed'; status: PodDisruptionBudgetStatus };

/** The 429 of a budget the controller has not caught up with, or of a conflicting unready-pod delete. */
export function stillProcessing(pdbName: string): Extract<BudgetCheck, { type: 'tooManyRequests' }> {
  return { type: 'tooManyRequests', cause: `The disruption budget ${pdbName} is still being processed by the server.`, retryAfterSeconds: 10 };
}

/**
 * `checkAndDecrement`: refuse when the controller has not observed the budget's generation, when
 * no disruption is allowed, or when too many approved evictions are unconfirmed; else one
 * disruption fewer, the DisruptionAllowed condition updated when that was the last one, and the
 * pod recorded in disruptedPods at `now` (so that the controller does not count it healthy).
 */
export function checkAndDecrement(pdb: PodDisruptionBudget, podName: string, now: Date): BudgetCheck {
  const name = pdb.metadata?.name ?? '';
  const s = pdb.status ?? {};
  if ((s.observedGeneration ?? 0) < (pdb.metadata?.generation ?? 0)) return stillProcessing(name);
  const allowed = s.disruptionsAllowed ?? 0;
  if (allowed < 0) return { type: 'forbidden', message: 'pdb disruptions allowed is negative' };
  if (Object.keys(s.disruptedPods ?? {}).length > MAX_DISRUPTED_POD_SIZE) {
    return { type: 'forbidden', message: 'DisruptedPods map too big - too many evictions not confirmed by PDB controller' };
  }
  if (allowed === 0) {
    return { type: 'tooManyRequests', cause: `The disruption budget ${name} needs ${s.desiredHealthy ?? 0} healthy pods and has ${s.currentHealthy ?? 0} currently`, retryAfterSeconds: 0 };
  }
  let status: PodDisruptionBudgetStatus = { ...s, disruptionsAllowed: allowed - 1 };
  if (allowed - 1 === 0) status = withDisruptionAllowedCondition(status, now);
  status = { ...status, disruptedPods: { ...(s.disruptedPods ?? {}), [podName]: disruptionTime(now) } as unknown as PodDisruptionBudgetStatus['disruptedPods'] };
  return { type: 'allowed', status };
}
