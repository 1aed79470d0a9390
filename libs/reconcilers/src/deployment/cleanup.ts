import type { ReplicaSet } from '../common/wire';
import type { DeploymentSync } from './deployment-sync';
import { byRevision } from './find-replicasets';
import { specReplicas } from './replica-math';

/** Kubernetes defaults apps/v1 revisionHistoryLimit to 10. */
export const DEFAULT_REVISION_HISTORY_LIMIT = 10;

/**
 * `cleanupDeployment`: keep the newest `revisionHistoryLimit` old ReplicaSets, delete older
 * ones that are scaled to zero, have no pods and whose status is current.
 */
export function cleanupOldReplicaSets(s: DeploymentSync, oldRSs: readonly ReplicaSet[]): void {
  const limit = s.d.spec?.revisionHistoryLimit ?? DEFAULT_REVISION_HISTORY_LIMIT;
  const alive = oldRSs.filter((rs) => !rs.metadata?.deletionTimestamp);
  const diff = alive.length - limit;
  if (diff <= 0) return;
  const candidates = [...alive].sort(byRevision).slice(0, diff);
  for (const rs of candidates) {
    const stale = (rs.metadata?.generation ?? 0) > (rs.status?.observedGeneration ?? 0);
    if ((rs.status?.replicas ?? 0) !== 0 || specReplicas(rs) !== 0 || stale) continue;
    if (s.dirty.has(rs.metadata?.name ?? '')) continue; // written in this pass: delete next time
    s.deleted.push(rs);
  }
}
