import { isPodActive, isPodReady, isPodTerminating } from '../common/pod-state';
import type { Job, Pod } from '../common/wire';
import { completionIndex, parseIndexes } from './completion-index';
import { isIndexed } from './job-labels';

export interface JobCounts {
  active: Pod[];
  /** Being deleted and not yet terminal (`CountTerminatingPods`). */
  terminating: Pod[];
  succeededPods: Pod[];
  failedPods: Pod[];
  ready: number;
  succeeded: number;
  failed: number;
  /** Indexed Jobs: the union of status.completedIndexes and the indexes of succeeded pods. */
  succeededIndexes: Set<number>;
}

/**
 * Counts the Job's pods. Wake does not use the `batch.kubernetes.io/job-tracking` finalizer
 * nor `uncountedTerminatedPods`; instead the counters never go down: succeeded / failed are
 * the larger of the recorded status and the terminal pods seen now (Indexed: completedIndexes
 * is a union, so it is exact). A Failed pod counts only when it was not deleted: a pod the
 * controller (or a user) deleted is replaced, not held against backoffLimit.
 */
export function countJobPods(job: Job, pods: readonly Pod[]): JobCounts {
  const active = pods.filter(isPodActive);
  const terminal = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
  const terminating = pods.filter((p) => isPodTerminating(p) && !terminal(p));
  const succeededPods = pods.filter((p) => p.status?.phase === 'Succeeded');
  const failedPods = pods.filter((p) => p.status?.phase === 'Failed' && !isPodTerminating(p));
  const succeededIndexes = new Set<number>();
  let succeeded: number;
  if (isIndexed(job)) {
    const completions = job.spec?.completions ?? 0;
    for (const ix of parseIndexes(job.status?.completedIndexes, completions)) succeededIndexes.add(ix);
    for (const p of succeededPods) {
      const ix = completionIndex(p);
      if (ix !== undefined && ix < completions) succeededIndexes.add(ix);
    }
    succeeded = succeededIndexes.size;
  } else {
    succeeded = Math.max(job.status?.succeeded ?? 0, succeededPods.length);
  }
  return {
    active, terminating, succeededPods, failedPods, succeededIndexes, succeeded,
    ready: active.filter(isPodReady).length,
    failed: Math.max(job.status?.failed ?? 0, failedPods.length),
  };
}
