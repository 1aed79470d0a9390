import { scaledValue } from '../common/int-or-percent';
import type { Deployment, ReplicaSet } from '../common/wire';
import { annotatedInt, MAX_REPLICAS } from './annotations';

export const desiredReplicas = (d: Deployment): number => d.spec?.replicas ?? 1;
export const specReplicas = (rs: ReplicaSet | undefined): number => (rs ? rs.spec?.replicas ?? 1 : 0);
export const isRollingUpdate = (d: Deployment): boolean => (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';

/** `ResolveFenceposts`: surge rounds up, unavailable rounds down; never both zero. */
export function resolveFenceposts(d: Deployment): { surge: number; unavailable: number } {
  const ru = d.spec?.strategy?.rollingUpdate;
  const desired = desiredReplicas(d);
  const surge = scaledValue(ru?.maxSurge, desired, true, '25%');
  let unavailable = scaledValue(ru?.maxUnavailable, desired, false, '25%');
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

export function maxSurge(d: Deployment): number {
  return isRollingUpdate(d) ? resolveFenceposts(d).surge : 0;
}

export function maxUnavailable(d: Deployment): number {
  const desired = desiredReplicas(d);
  if (!isRollingUpdate(d) || desired === 0) return 0;
  return Math.min(resolveFenceposts(d).unavailable, desired);
}

/** Sum of spec.replicas (`GetReplicaCountForReplicaSets`). */
export const sumSpec = (rss: readonly (ReplicaSet | undefined)[]): number => rss.reduce((n, rs) => n + specReplicas(rs), 0);

type Counter = 'replicas' | 'readyReplicas' | 'availableReplicas';
export const sumStatus = (rss: readonly (ReplicaSet | undefined)[], field: Counter): number =>
  rss.reduce((n, rs) => n + (rs?.status?.[field] ?? 0), 0);

export const isActive = (rs: ReplicaSet | undefined): rs is ReplicaSet => !!rs && specReplicas(rs) > 0;

/** `NewRSNewReplicas`: how big the new ReplicaSet may be now. */
export function newRSNewReplicas(d: Deployment, allRSs: readonly ReplicaSet[], newRS: ReplicaSet): number {
  if (!isRollingUpdate(d)) return desiredReplicas(d);
  const current = sumSpec(allRSs);
  const maxTotal = desiredReplicas(d) + maxSurge(d);
  if (current >= maxTotal) return specReplicas(newRS);
  const up = Math.min(maxTotal - current, desiredReplicas(d) - specReplicas(newRS));
  return specReplicas(newRS) + up;
}

/** Go's math.Round: halves away from zero. */
const goRound = (x: number): number => Math.sign(x) * Math.round(Math.abs(x));

/** `getReplicaSetFraction`: this RS's share of a resize, from its max-replicas annotation. */
export function replicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  if (desiredReplicas(d) === 0) return -specReplicas(rs);
  const deploymentReplicas = desiredReplicas(d) + maxSurge(d);
  const annotated = annotatedInt(rs, MAX_REPLICAS) ?? d.status?.replicas ?? 0;
  if (annotated === 0) return 0;
  return goRound((specReplicas(rs) * deploymentReplicas) / annotated) - specReplicas(rs);
}

/** `GetProportion`. */
export function proportion(rs: ReplicaSet, d: Deployment, toAdd: number, added: number): number {
  if (specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}
