import { scaledValue } from '../common/int-or-percent';
import { selectorMatches } from '../common/label-selector';
import { isPodReady } from '../common/pod-state';
import { millis, rfc3339 } from '../common/time';
import type { Pod } from '../common/wire';
import { DISRUPTION_ALLOWED, setCondition, SYNC_FAILED, withDisruptionAllowedCondition } from './disruption-condition';
import { expectedScale, type ScaleSources } from './expected-scale';
import type { PodDisruptionBudget, PodDisruptionBudgetStatus } from './types';

/** How long an eviction the API approved may take to show as a deleting pod (`DeletionTimeout`). */
export const DELETION_TIMEOUT_MS = 2 * 60 * 1000;

type IntOrString = number | string | undefined;

export interface BudgetStatusResult {
  readonly status: PodDisruptionBudgetStatus;
  /** Why the counts could not be computed (the status is then the fail-safe one). */
  readonly error?: string;
  /** Pods the budget selects that no controller owns (upstream's UnmanagedPods warning). */
  readonly unmanaged: readonly string[];
  /** When an entry of disruptedPods expires and the budget must be looked at again. */
  readonly recheckAt?: number;
}

/** `getPodsForPdb`: the pods of the budget's namespace its selector selects (nil: none, `{}`: all). */
export function podsForBudget(pdb: PodDisruptionBudget, pods: readonly Pod[]): Pod[] {
  const ns = pdb.metadata?.namespace;
  return pods.filter((p) => p.metadata?.namespace === ns && selectorMatches(pdb.spec?.selector, p.metadata?.labels));
}

/**
 * `getExpectedPodCount`: with maxUnavailable, or a percent minAvailable, the expected count is the
 * pods' controllers' scale and the percentage is rounded up; with an integer minAvailable it is the
 * number of selected pods. With neither, nothing is expected and nothing is desired.
 */
export function expectedPodCount(pdb: PodDisruptionBudget, pods: readonly Pod[], src: ScaleSources): { expected: number; desired: number; unmanaged: string[] } {
  const maxUnavailable = pdb.spec?.maxUnavailable as IntOrString;
  const minAvailable = pdb.spec?.minAvailable as IntOrString;
  if (maxUnavailable !== undefined && maxUnavailable !== null) {
    const { expected, unmanaged } = expectedScale(pods, src);
    return { expected, desired: Math.max(0, expected - scaledValue(maxUnavailable, expected, true)), unmanaged };
  }
  if (typeof minAvailable === 'number') return { expected: pods.length, desired: minAvailable, unmanaged: [] };
  if (typeof minAvailable === 'string') {
    const { expected, unmanaged } = expectedScale(pods, src);
    return { expected, desired: scaledValue(minAvailable, expected, true), unmanaged };
  }
  return { expected: 0, desired: 0, unmanaged: [] };
}

/**
 * `buildDisruptedPodMap`: the evictions the API approved that have not yet shown as a deleting
 * pod and are younger than DELETION_TIMEOUT; entries of pods gone, deleting or overdue drop out.
 */
export function disruptedPodsStillExpected(pdb: PodDisruptionBudget, pods: readonly Pod[], now: Date): { disrupted: Record<string, string>; recheckAt?: number } {
  const recorded = (pdb.status?.disruptedPods ?? {}) as Record<string, string>;
  const disrupted: Record<string, string> = {};
  let recheckAt: number | undefined;
  for (const pod of pods) {
    const name = pod.metadata?.name ?? '';
    if (pod.metadata?.deletionTimestamp || !(name in recorded)) continue;
    const expectedDeletion = (millis(recorded[name]) ?? 0) + DELETION_TIMEOUT_MS;
    if (expectedDeletion < now.getTime()) continue;
    disrupted[name] = recorded[name];
    if (recheckAt === undefined || expectedDeletion < recheckAt) recheckAt = expectedDeletion;
  }
  return { disrupted, recheckAt };
}

/** `countHealthyPods`: Ready pods neither being deleted nor about to be (an approved eviction). */
export function countHealthy(pods: readonly Pod[], disrupted: Readonly<Record<string, string>>, now: Date): number {
  let healthy = 0;
  for (const pod of pods) {
    if (pod.metadata?.deletionTimestamp) continue;
    const at = disrupted[pod.metadata?.name ?? ''];
    if (at !== undefined && (millis(at) ?? 0) + DELETION_TIMEOUT_MS > now.getTime()) continue;
    if (isPodReady(pod)) healthy++;
  }
  return healthy;
}

/**
 * The status the disruption controller writes for `pdb` (`trySync` + `updatePdbStatus`, or
 * `failSafe` when the expected count cannot be computed): pure, `now` given.
 */
export function budgetStatus(pdb: PodDisruptionBudget, allPods: readonly Pod[], src: ScaleSources, now: Date): BudgetStatusResult {
  const pods = podsForBudget(pdb, allPods);
  let counts: ReturnType<typeof expectedPodCount>;
  try {
    counts = expectedPodCount(pdb, pods, src);
  } catch (e) {
    const error = (e as Error).message;
    const old = pdb.status ?? {};
    const status: PodDisruptionBudgetStatus = {
      ...old,
      disruptionsAllowed: 0,
      conditions: setCondition(old.conditions, { type: DISRUPTION_ALLOWED, status: 'False', reason: SYNC_FAILED, message: error, observedGeneration: old.observedGeneration ?? 0 }, now),
    };
    return { status, error, unmanaged: [] };
  }
  const { disrupted, recheckAt } = disruptedPodsStillExpected(pdb, pods, now);
  const currentHealthy = countHealthy(pods, disrupted, now);
  const allowed = currentHealthy - counts.desired;
  const status = withDisruptionAllowedCondition({
    ...(Object.keys(disrupted).length ? { disruptedPods: disrupted as unknown as PodDisruptionBudgetStatus['disruptedPods'] } : {}),
    disruptionsAllowed: counts.expected <= 0 || allowed <= 0 ? 0 : allowed,
    currentHealthy,
    desiredHealthy: counts.desired,
    expectedPods: counts.expected,
    observedGeneration: pdb.metadata?.generation ?? 0,
    conditions: pdb.status?.conditions,
  }, now);
  return { status, unmanaged: counts.unmanaged, recheckAt };
}

/** A disruptedPods entry as the eviction handler records it. */
export const disruptionTime = rfc3339;
