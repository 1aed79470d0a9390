import { millis } from '../common/time';
import type { Deployment, ReplicaSet } from '../common/wire';
import { revisionOf } from './annotations';
import { equalIgnoreHash } from './pod-template-hash';
import { specReplicas } from './replica-math';

const created = (rs: ReplicaSet): number => millis(rs.metadata?.creationTimestamp) ?? Number.MAX_SAFE_INTEGER;
const name = (rs: ReplicaSet): string => rs.metadata?.name ?? '';

/** `ReplicaSetsByCreationTimestamp`: oldest first, ties by name. */
export function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  return created(a) - created(b) || name(a).localeCompare(name(b));
}

/** `ReplicaSetsByRevision`: lowest revision first, ties by creation. */
export function byRevision(a: ReplicaSet, b: ReplicaSet): number {
  return revisionOf(a) - revisionOf(b) || byCreation(a, b);
}

/** `ReplicaSetsBySizeNewer`: bigger first, ties newer first. */
export function bySizeNewer(a: ReplicaSet, b: ReplicaSet): number {
  return specReplicas(b) - specReplicas(a) || byCreation(b, a);
}

/** `ReplicaSetsBySizeOlder`: bigger first, ties older first. */
export function bySizeOlder(a: ReplicaSet, b: ReplicaSet): number {
  return specReplicas(b) - specReplicas(a) || byCreation(a, b);
}

/** `FindNewReplicaSet`: the oldest ReplicaSet whose template equals the Deployment's (ignoring the hash label). */
export function findNewReplicaSet(d: Deployment, rsList: readonly ReplicaSet[]): ReplicaSet | undefined {
  return [...rsList].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

export function findOldReplicaSets(newRS: ReplicaSet | undefined, rsList: readonly ReplicaSet[]): ReplicaSet[] {
  return rsList.filter((rs) => rs !== newRS);
}
