import { isPodTerminating } from '../common/pod-state';
import type { Pod } from '../common/wire';
import { isRunningAndAvailable, isRunningAndReady, REVISION_LABEL } from './identity';
import type { StatefulSet } from './types';

export type StatefulSetStatus = NonNullable<StatefulSet['status']>;

/**
 * `updateStatus` + `completeRollingUpdate` over every pod of the set (in range and condemned):
 * counts, revisions; once RollingUpdate has every replica updated and ready, the update
 * revision becomes the current one.
 */
export function statefulSetStatus(set: StatefulSet, pods: readonly Pod[], currentRevision: string, updateRev: string, now: Date): StatefulSetStatus {
  const minReady = set.spec?.minReadySeconds ?? 0;
  let replicas = 0, ready = 0, available = 0, current = 0, updated = 0;
  for (const p of pods) {
    replicas++;
    if (isRunningAndReady(p)) {
      ready++;
      if (isRunningAndAvailable(p, minReady, now)) available++;
    }
    if (!isPodTerminating(p)) {
      const rev = p.metadata?.labels?.[REVISION_LABEL];
      if (rev === currentRevision) current++;
      if (rev === updateRev) updated++;
    }
  }
  const status: StatefulSetStatus = {
    ...(set.status ?? {}),
    observedGeneration: set.metadata?.generation ?? 0,
    replicas, readyReplicas: ready, availableReplicas: available, currentReplicas: current, updatedReplicas: updated,
    currentRevision, updateRevision: updateRev,
  };
  if ((set.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate' && updated === replicas && ready === replicas) {
    status.currentReplicas = updated;
    status.currentRevision = updateRev;
  }
  return status;
}
