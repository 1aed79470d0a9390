import { type Action, event, refOf, seqOf } from '../common/action';
import { clone } from '../common/owner-refs';
import type { Deployment, Pod, ReplicaSet } from '../common/wire';
import { setReplicasAnnotations } from './annotations';
import { desiredReplicas, maxSurge, specReplicas } from './replica-math';

/**
 * The working state of one Deployment sync. The Kubernetes controller writes as it goes and
 * keeps using the objects it wrote; we mutate private copies instead and turn the copies that
 * changed into one write each at the end (see `flush`).
 */
export interface DeploymentSync {
  readonly original: Deployment;
  /** Working copy: its status and annotations change during the sync. */
  readonly d: Deployment;
  readonly now: Date;
  /** Working copies of the ReplicaSets this Deployment controls. */
  rsList: ReplicaSet[];
  /** Every ReplicaSet in the namespace (to detect name collisions). */
  readonly namespaceRSs: readonly ReplicaSet[];
  readonly pods: readonly Pod[];
  readonly created: Set<string>;
  readonly dirty: Set<string>;
  readonly deleted: ReplicaSet[];
  readonly leading: Action[];
  readonly events: Action[];
  requeueSeconds?: number;
  /** Set when the Deployment must be requeued right away (e.g. after a hash collision). */
  collision?: boolean;
}

export function startSync(d: Deployment, owned: ReplicaSet[], namespaceRSs: readonly ReplicaSet[], pods: readonly Pod[], now: Date): DeploymentSync {
  const copy = clone(d);
  copy.status = copy.status ?? {};
  return {
    original: d, d: copy, now, rsList: owned.map(clone), namespaceRSs, pods,
    created: new Set(), dirty: new Set(), deleted: [], leading: [], events: [],
  };
}

export const nameOf = (rs: ReplicaSet): string => rs.metadata?.name ?? '';

export function markDirty(s: DeploymentSync, rs: ReplicaSet): void {
  s.dirty.add(nameOf(rs));
}

export function scalingEvent(s: DeploymentSync, rs: ReplicaSet, op: 'up' | 'down', from: number, to: number): void {
  s.events.push(event(s.original, 'Normal', 'ScalingReplicaSet', `Scaled ${op} replica set ${nameOf(rs)} from ${from} to ${to}`));
}

/** `scaleReplicaSet`: set the size and the replicas annotations; event when the size changed. */
export function scaleReplicaSet(s: DeploymentSync, rs: ReplicaSet, newScale: number, op: 'up' | 'down'): boolean {
  const from = specReplicas(rs);
  const sizeChanged = from !== newScale;
  const annotationsChanged = setReplicasAnnotations(rs, desiredReplicas(s.d), desiredReplicas(s.d) + maxSurge(s.d));
  if (sizeChanged || annotationsChanged) {
    rs.spec = { ...rs.spec!, replicas: newScale };
    markDirty(s, rs);
    if (sizeChanged) scalingEvent(s, rs, op, from, newScale);
  }
  return sizeChanged;
}

/** `scaleReplicaSetAndRecordEvent`. */
export function scaleAndRecord(s: DeploymentSync, rs: ReplicaSet, newScale: number): boolean {
  const from = specReplicas(rs);
  if (from === newScale) return false;
  return scaleReplicaSet(s, rs, newScale, from < newScale ? 'up' : 'down');
}

/** The writes for the ReplicaSets: creates, one update per changed one, deletes. */
export function replicaSetWrites(s: DeploymentSync): Action[] {
  const out: Action[] = [];
  for (const rs of s.rsList) {
    const name = nameOf(rs);
    if (s.created.has(name)) out.push({ type: 'create', object: rs, intent: 'Created' });
    else if (s.dirty.has(name)) out.push({ type: 'update', object: rs, expectSeq: seqOf(rs), intent: 'Scaled' });
  }
  for (const rs of s.deleted) {
    out.push({ type: 'delete', key: refOf(rs, { apiVersion: 'apps/v1', kind: 'ReplicaSet' }), expectSeq: seqOf(rs), intent: 'Deleted' });
  }
  return out;
}
