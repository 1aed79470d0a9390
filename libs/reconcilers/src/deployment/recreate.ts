import { controllerRef } from '../common/owner-refs';
import type { ReplicaSet } from '../common/wire';
import { type DeploymentSync, scaleAndRecord } from './deployment-sync';
import { isActive } from './replica-math';

/** `oldPodsRunning`: any pod of an old ReplicaSet still counted or not yet finished. */
export function oldPodsRunning(s: DeploymentSync, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): boolean {
  if (oldRSs.some((rs) => (rs.status?.replicas ?? 0) > 0)) return true;
  const oldUids = new Set(oldRSs.map((rs) => rs.metadata?.uid).filter((u): u is string => !!u));
  for (const pod of s.pods) {
    const owner = controllerRef(pod)?.uid;
    if (!owner || !oldUids.has(owner) || (newRS && owner === newRS.metadata?.uid)) continue;
    const phase = pod.status?.phase;
    if (phase === 'Failed' || phase === 'Succeeded') continue;
    return true;
  }
  return false;
}

/** `scaleDownOldReplicaSetsForRecreate`. */
export function scaleDownOldForRecreate(s: DeploymentSync, oldRSs: ReplicaSet[]): boolean {
  let scaled = false;
  for (const rs of oldRSs.filter(isActive)) scaled = scaleAndRecord(s, rs, 0) || scaled;
  return scaled;
}
