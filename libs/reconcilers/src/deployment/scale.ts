import type { ReplicaSet } from '../common/wire';
import { annotatedInt, DESIRED_REPLICAS } from './annotations';
import { type DeploymentSync, nameOf, scaleAndRecord, scaleReplicaSet } from './deployment-sync';
import { byCreation, bySizeNewer, bySizeOlder } from './find-replicasets';
import { desiredReplicas, isActive, isRollingUpdate, maxSurge, proportion, specReplicas, sumSpec } from './replica-math';

/** `FindActiveOrLatest`: the only active ReplicaSet, or the newest when none is active. */
function activeOrLatest(newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => byCreation(b, a));
  const active = [...newestFirst, newRS].filter(isActive);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}

/** `IsSaturated`: the new ReplicaSet runs the full count and all of it is available. */
function isSaturated(s: DeploymentSync, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const want = desiredReplicas(s.d);
  return annotatedInt(rs, DESIRED_REPLICAS) === want && specReplicas(rs) === want && (rs.status?.availableReplicas ?? 0) === want;
}

/**
 * `scale`: resize a Deployment whose replicas changed. One active ReplicaSet takes the whole
 * count; otherwise, during a rolling update, the difference is spread over the active
 * ReplicaSets in proportion to their size (their max-replicas annotation), the leftover going
 * to the biggest.
 */
export function scale(s: DeploymentSync, newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): void {
  const d = s.d;
  const only = activeOrLatest(newRS, oldRSs);
  if (only) {
    scaleAndRecord(s, only, desiredReplicas(d));
    return;
  }
  if (isSaturated(s, newRS)) {
    for (const old of oldRSs.filter(isActive)) scaleAndRecord(s, old, 0);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const all = [...oldRSs, newRS].filter(isActive);
  const allowed = desiredReplicas(d) > 0 ? desiredReplicas(d) + maxSurge(d) : 0;
  const toAdd = allowed - sumSpec(all);
  let op: 'up' | 'down' = 'up';
  if (toAdd > 0) all.sort(bySizeNewer);
  else if (toAdd < 0) {
    all.sort(bySizeOlder);
    op = 'down';
  }
  const sizes = new Map<string, number>();
  let added = 0;
  for (const rs of all) {
    if (toAdd !== 0) {
      const p = proportion(rs, d, toAdd, added);
      sizes.set(nameOf(rs), specReplicas(rs) + p);
      added += p;
    } else sizes.set(nameOf(rs), specReplicas(rs));
  }
  if (toAdd !== 0 && all.length) {
    const first = nameOf(all[0]);
    sizes.set(first, Math.max(0, sizes.get(first)! + toAdd - added));
  }
  for (const rs of all) scaleReplicaSet(s, rs, sizes.get(nameOf(rs))!, op);
}
