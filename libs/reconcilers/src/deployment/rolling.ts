import type { ReplicaSet } from '../common/wire';
import { type DeploymentSync, scaleAndRecord, scaleReplicaSet } from './deployment-sync';
import { byCreation } from './find-replicasets';
import { desiredReplicas, isActive, maxUnavailable, newRSNewReplicas, specReplicas, sumSpec, sumStatus } from './replica-math';

/** `reconcileNewReplicaSet`: grow the new ReplicaSet within maxSurge (or shrink it to replicas). */
export function reconcileNewReplicaSet(s: DeploymentSync, allRSs: ReplicaSet[], newRS: ReplicaSet | undefined): boolean {
  if (!newRS) return false;
  const want = desiredReplicas(s.d);
  if (specReplicas(newRS) === want) return false;
  if (specReplicas(newRS) > want) return scaleAndRecord(s, newRS, want);
  return scaleAndRecord(s, newRS, newRSNewReplicas(s.d, allRSs, newRS));
}

/** `reconcileOldReplicaSets`: shrink old ReplicaSets while keeping replicas - maxUnavailable available. */
export function reconcileOldReplicaSets(s: DeploymentSync, allRSs: ReplicaSet[], oldRSs: ReplicaSet[], newRS: ReplicaSet | undefined): boolean {
  if (sumSpec(oldRSs) === 0) return false;
  const minAvailable = desiredReplicas(s.d) - maxUnavailable(s.d);
  const newUnavailable = specReplicas(newRS) - (newRS?.status?.availableReplicas ?? 0);
  const maxScaledDown = sumSpec(allRSs) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthyReplicas(s, oldRSs, maxScaledDown);
  const scaledDown = scaleDownOldForRollingUpdate(s, allRSs, oldRSs, minAvailable);
  return cleaned + scaledDown > 0;
}

/** Scale down old ReplicaSets' unavailable pods first: they cost no availability. */
function cleanupUnhealthyReplicas(s: DeploymentSync, oldRSs: ReplicaSet[], maxCleanup: number): number {
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= maxCleanup) break;
    const size = specReplicas(rs);
    const available = rs.status?.availableReplicas ?? 0;
    if (size === 0 || size === available) continue;
    const count = Math.min(maxCleanup - total, size - available);
    scaleReplicaSet(s, rs, size - count, 'down');
    total += count;
  }
  return total;
}

function scaleDownOldForRollingUpdate(s: DeploymentSync, allRSs: ReplicaSet[], oldRSs: ReplicaSet[], minAvailable: number): number {
  const available = sumStatus(allRSs, 'availableReplicas');
  if (available <= minAvailable) return 0;
  const toScaleDown = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= toScaleDown) break;
    if (specReplicas(rs) === 0) continue;
    const count = Math.min(specReplicas(rs), toScaleDown - total);
    scaleReplicaSet(s, rs, specReplicas(rs) - count, 'down');
    total += count;
  }
  return total;
}

export const activeOld = (oldRSs: ReplicaSet[]): ReplicaSet[] => oldRSs.filter(isActive);
