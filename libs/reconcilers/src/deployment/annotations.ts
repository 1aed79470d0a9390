import type { Deployment, ReplicaSet } from '../common/wire';

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
const MAX_REVISION_HISTORY_CHARS = 2000;

/** Deployment annotations not copied onto its ReplicaSets (`skipCopyAnnotation`). */
const NOT_COPIED = new Set([
  'kubectl.kubernetes.io/last-applied-configuration', REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS,
  'deprecated.deployment.rollback.to',
]);

export function revisionOf(rs: { metadata?: { annotations?: Record<string, string> } } | undefined): number {
  const v = Number.parseInt(rs?.metadata?.annotations?.[REVISION] ?? '', 10);
  return Number.isNaN(v) ? 0 : v;
}

export function maxRevision(rss: readonly ReplicaSet[]): number {
  return Math.max(0, ...rss.map(revisionOf));
}

function annotationsOf(obj: { metadata?: { annotations?: Record<string, string> } }): Record<string, string> {
  obj.metadata = obj.metadata ?? {};
  obj.metadata.annotations = obj.metadata.annotations ?? {};
  return obj.metadata.annotations;
}

function set(a: Record<string, string>, k: string, v: string): boolean {
  if (a[k] === v) return false;
  a[k] = v;
  return true;
}

/** `SetReplicasAnnotations`. Mutates `rs`; returns whether anything changed. */
export function setReplicasAnnotations(rs: ReplicaSet, desired: number, max: number): boolean {
  const a = annotationsOf(rs);
  const d = set(a, DESIRED_REPLICAS, String(desired));
  const m = set(a, MAX_REPLICAS, String(max));
  return d || m;
}

export function annotatedInt(rs: ReplicaSet, key: string): number | undefined {
  const raw = rs.metadata?.annotations?.[key];
  if (raw === undefined) return undefined;
  const v = Number.parseInt(raw, 10);
  return Number.isNaN(v) ? undefined : v;
}

/**
 * `SetNewReplicaSetAnnotations`: copy the Deployment's annotations, raise the revision to
 * `newRevision` when lower (keeping the previous ones in revision-history: that is a rollback
 * to this ReplicaSet), and for a ReplicaSet about to be created the replicas annotations.
 * Mutates `rs`; returns whether anything changed.
 */
export function setNewReplicaSetAnnotations(
  d: Deployment, rs: ReplicaSet, newRevision: number, exists: boolean, desired: number, max: number,
): boolean {
  const a = annotationsOf(rs);
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) {
    if (!NOT_COPIED.has(k)) changed = set(a, k, v) || changed;
  }
  const had = Object.prototype.hasOwnProperty.call(a, REVISION);
  const oldRaw = a[REVISION] ?? '';
  const old = oldRaw === '' ? 0 : Number.parseInt(oldRaw, 10);
  if (Number.isNaN(old)) return changed;
  if (old < newRevision) {
    a[REVISION] = String(newRevision);
    changed = true;
    if (had) {
      const history = a[REVISION_HISTORY] ? a[REVISION_HISTORY].split(',') : [];
      history.push(oldRaw);
      while (history.join(',').length > MAX_REVISION_HISTORY_CHARS && history.length > 1) history.shift();
      a[REVISION_HISTORY] = history.join(',');
    }
  }
  if (!exists) changed = setReplicasAnnotations(rs, desired, max) || changed;
  return changed;
}

/** `SetDeploymentRevision`. Mutates `d`; returns whether it changed. */
export function setDeploymentRevision(d: Deployment, revision: string): boolean {
  return set(annotationsOf(d), REVISION, revision);
}
