import { rfc3339 } from '../common/time';
import type { Condition, PodDisruptionBudgetStatus } from './types';

/** policy/v1 constants (k8s.io/api/policy/v1/types.go). */
export const DISRUPTION_ALLOWED = 'DisruptionAllowed';
export const SUFFICIENT_PODS = 'SufficientPods';
export const INSUFFICIENT_PODS = 'InsufficientPods';
export const SYNC_FAILED = 'SyncFailed';

/**
 * `apimeta.SetStatusCondition`: replaces the condition of the same type, keeping its
 * lastTransitionTime unless the status changes; a new condition starts at `now`.
 */
export function setCondition(conditions: readonly Condition[] | undefined, c: Omit<Condition, 'lastTransitionTime'>, now: Date): Condition[] {
  const list = [...(conditions ?? [])];
  const i = list.findIndex((x) => x.type === c.type);
  const old = i >= 0 ? list[i] : undefined;
  const next: Condition = { ...c, lastTransitionTime: old && old.status === c.status ? old.lastTransitionTime : rfc3339(now) };
  if (i >= 0) list[i] = next;
  else list.push(next);
  return list;
}

/**
 * `pdbhelper.UpdateDisruptionAllowedCondition`: DisruptionAllowed True (SufficientPods) while
 * disruptionsAllowed > 0, else False (InsufficientPods), at the status's observedGeneration.
 */
export function withDisruptionAllowedCondition(status: PodDisruptionBudgetStatus, now: Date): PodDisruptionBudgetStatus {
  const allowed = (status.disruptionsAllowed ?? 0) > 0;
  return {
    ...status,
    conditions: setCondition(status.conditions, {
      type: DISRUPTION_ALLOWED,
      status: allowed ? 'True' : 'False',
      reason: allowed ? SUFFICIENT_PODS : INSUFFICIENT_PODS,
      message: '',
      observedGeneration: status.observedGeneration ?? 0,
    }, now),
  };
}
