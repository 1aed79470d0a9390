/** Builders for specs. Not exported from the barrel. */
import type { Action } from '../common/action';
import type { Pod, ReplicaSet } from '../common/wire';

export const T0 = Date.parse('2025-01-01T00:00:00Z');
export const at = (seconds: number) => new Date(T0 + seconds * 1000);
export const iso = (seconds: number) => at(seconds).toISOString().replace('.000Z', 'Z');

export interface PodOpts {
  name: string;
  labels?: Record<string, string>;
  owner?: { kind: string; name: string; uid: string; apiVersion?: string };
  node?: string;
  phase?: string;
  ready?: boolean;
  readySince?: number;
  created?: number;
  restarts?: number;
  deleting?: boolean;
  rv?: string;
  namespace?: string;
}

export function pod(o: PodOpts): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: o.name,
      namespace: o.namespace ?? 'default',
      uid: `uid-${o.name}`,
      resourceVersion: o.rv ?? '10',
      labels: o.labels ?? { app: 'web' },
      creationTimestamp: iso(o.created ?? 0),
      ...(o.deleting ? { deletionTimestamp: iso(100) } : {}),
      ...(o.owner ? { ownerReferences: [{ apiVersion: o.owner.apiVersion ?? 'apps/v1', kind: o.owner.kind, name: o.owner.name, uid: o.owner.uid, controller: true, blockOwnerDeletion: true }] } : {}),
    },
    spec: { containers: [{ name: 'c', image: 'img' }], ...(o.node ? { nodeName: o.node } : {}) },
    status: {
      phase: o.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True', lastTransitionTime: iso(o.readySince ?? 0) }],
      containerStatuses: [{ name: 'c', image: 'img', imageID: '', ready: o.ready !== false, restartCount: o.restarts ?? 0 }],
    },
  };
}

export function replicaSet(o: { name?: string; replicas?: number; minReadySeconds?: number; generation?: number; status?: ReplicaSet['status']; deleting?: boolean } = {}): ReplicaSet {
  const name = o.name ?? 'web-abc';
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '5', generation: o.generation ?? 1, ...(o.deleting ? { deletionTimestamp: iso(1) } : {}) },
    spec: {
      replicas: o.replicas ?? 3,
      minReadySeconds: o.minReadySeconds ?? 0,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'img' }] } },
    },
    ...(o.status ? { status: o.status } : {}),
  };
}

export const ofType = <K extends Action['type']>(actions: readonly Action[], type: K) =>
  actions.filter((a): a is Extract<Action, { type: K }> => a.type === type);

/** Asserts the contract: each object written at most once per result. */
export function expectOneWritePerObject(actions: readonly Action[]): void {
  const seen = new Set<string>();
  for (const a of actions) {
    if (a.type === 'event' || a.type === 'requeueAfter' || a.type === 'create') continue;
    const key = a.type === 'delete' ? `${a.key.kind}/${a.key.namespace}/${a.key.name}` : `${a.object.kind}/${a.object.metadata?.namespace}/${a.object.metadata?.name}`;
    if (seen.has(key)) throw new Error(`object written twice: ${key}`);
    seen.add(key);
  }
}
