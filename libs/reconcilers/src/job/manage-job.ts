import { isPodTerminating } from '../common/pod-state';
import type { Job, Pod } from '../common/wire';
import { compareForDeletion, podsToDelete } from '../replicaset/active-pods';
import { completionIndex } from './completion-index';
import { isIndexed } from './job-labels';

/** `MaxPodCreateDeletePerSync`. */
export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;

export interface PodPlan {
  /** Pods to create: one entry per pod, the completion index for Indexed Jobs, undefined otherwise. */
  create: (number | undefined)[];
  remove: Pod[];
}

/** How many pods should be active (`manageJob`'s wantActive). */
export function wantActive(job: Job, active: number, succeeded: number): number {
  const parallelism = job.spec?.parallelism ?? 1;
  const completions = job.spec?.completions;
  if (completions === undefined || completions === null) return succeeded > 0 ? active : parallelism;
  return Math.max(0, Math.min(completions - succeeded, parallelism));
}

/** Pods with no valid index, an index past completions, an already succeeded index, or a repeated index. */
function indexedSurplus(pods: readonly Pod[], completions: number, succeeded: ReadonlySet<number>): { rm: Pod[]; left: Pod[] } {
  const rm: Pod[] = [];
  const byIndex = new Map<number, Pod[]>();
  for (const p of pods) {
    const ix = completionIndex(p);
    if (ix === undefined || ix >= completions || succeeded.has(ix)) rm.push(p);
    else byIndex.set(ix, [...(byIndex.get(ix) ?? []), p]);
  }
  const left: Pod[] = [];
  for (const group of byIndex.values()) {
    // keep the pod that would be deleted last (running, ready, oldest); the rest are duplicates
    const order = [...group].sort((a, b) => compareForDeletion(a, b));
    left.push(order[order.length - 1]);
    rm.push(...order.slice(0, -1));
  }
  return { rm, left };
}

/**
 * `manageJob` for a Job that is neither suspended nor finishing: delete surplus active pods
 * (deletions take precedence: no creations in the same pass), else create up to wantActive.
 * `terminating` pods hold their place only with podReplacementPolicy Failed.
 */
export function planPods(job: Job, active: readonly Pod[], terminating: readonly Pod[], succeeded: number, succeededIndexes: ReadonlySet<number>): PodPlan {
  const want = wantActive(job, active.length, succeeded);
  const completions = job.spec?.completions ?? 0;
  let rm: Pod[] = [];
  let left: Pod[] = [...active];
  if (isIndexed(job)) ({ rm, left } = indexedSurplus(active, completions, succeededIndexes));
  const rmAtLeast = active.length - want;
  if (rm.length < rmAtLeast) rm = [...rm, ...podsToDelete(left, active, rmAtLeast - rm.length)];
  if (rm.length > 0) return { create: [], remove: rm.slice(0, MAX_POD_CREATE_DELETE_PER_SYNC) };

  const onlyFailed = job.spec?.podReplacementPolicy === 'Failed';
  const holding = onlyFailed ? terminating.length : 0;
  const diff = Math.min(want - holding - active.length, MAX_POD_CREATE_DELETE_PER_SYNC);
  if (diff <= 0) return { create: [], remove: [] };
  if (!isIndexed(job)) return { create: Array<undefined>(diff).fill(undefined), remove: [] };
  const busy = new Set<number>(succeededIndexes);
  for (const p of [...active, ...(onlyFailed ? terminating : [])]) {
    const ix = completionIndex(p);
    if (ix !== undefined) busy.add(ix);
  }
  const create: number[] = [];
  for (let ix = 0; ix < completions && create.length < diff; ix++) if (!busy.has(ix)) create.push(ix);
  return { create, remove: [] };
}

/** `pastBackoffLimitOnFailure`: with restartPolicy OnFailure, container restarts of live pods count as failures. */
export function pastBackoffLimitOnFailure(job: Job, pods: readonly Pod[]): boolean {
  if (job.spec?.template?.spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const p of pods) {
    if (p.status?.phase !== 'Running' && p.status?.phase !== 'Pending') continue;
    for (const s of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])]) restarts += s.restartCount ?? 0;
  }
  const limit = job.spec?.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

export const notTerminating = (p: Pod): boolean => !isPodTerminating(p);
