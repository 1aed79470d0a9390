import type { Action } from '../common/action';
import type { Pod } from '../common/wire';
import { at, expectOneWritePerObject, iso, ofType } from '../testing/fixtures';
import { REVISION_LABEL } from './identity';
import { reconcileStatefulSet } from './reconcile-statefulset';
import { updateRevision } from './stateful-pod';
import type { PersistentVolumeClaim, StatefulSet } from './types';

type Spec = NonNullable<StatefulSet['spec']>;
function sts(o: Partial<Spec> = {}, image = 'db:1'): StatefulSet {
  return {
    apiVersion: 'apps/v1', kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default', uid: 'uid-web', resourceVersion: '2', generation: 1 },
    spec: {
      replicas: 3, serviceName: 'nginx', selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image, volumeMounts: [{ name: 'data', mountPath: '/data' }] }] } },
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      ...o,
    },
  };
}

/** Applies actions; created pods become Running and Ready at the next tick, deleted ones vanish. */
class World {
  pods = new Map<string, Pod>();
  claims = new Map<string, PersistentVolumeClaim>();
  t = 0;
  log: string[] = [];
  constructor(public set: StatefulSet) {}
  reconcile(): Action[] {
    this.t += 10;
    const actions = reconcileStatefulSet(this.set, { pods: [...this.pods.values()], claims: [...this.claims.values()] }, at(this.t));
    expectOneWritePerObject(actions);
    for (const a of actions) {
      if (a.type === 'create' && a.object.kind === 'Pod') {
        this.pods.set(a.object.metadata!.name!, { ...(a.object as Pod), metadata: { ...a.object.metadata, uid: `${a.object.metadata!.name}-${this.t}` } });
        this.log.push(`+${a.object.metadata!.name}`);
      }
      if (a.type === 'create' && a.object.kind === 'PersistentVolumeClaim') this.claims.set(a.object.metadata!.name!, { ...a.object, metadata: { ...a.object.metadata, uid: a.object.metadata!.name } });
      if (a.type === 'delete' && a.key.kind === 'Pod') {
        this.pods.get(a.key.name)!.metadata!.deletionTimestamp = iso(this.t);
        this.log.push(`-${a.key.name}`);
      }
      if (a.type === 'delete' && a.key.kind === 'PersistentVolumeClaim') this.claims.delete(a.key.name);
      if (a.type === 'updateStatus') this.set = a.object as StatefulSet;
    }
    return actions;
  }
  kubelet(): void {
    for (const [name, p] of this.pods) {
      if (p.metadata?.deletionTimestamp) this.pods.delete(name);
      else if (!p.status) p.status = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: iso(this.t) }] };
    }
  }
  settle(): void {
    for (let i = 0; i < 60; i++) {
      const a = this.reconcile();
      this.kubelet();
      if (a.every((x) => x.type === 'updateStatus' || x.type === 'requeueAfter') && [...this.pods.values()].every((p) => p.status)) return;
    }
    throw new Error('did not settle');
  }
  edit(spec: Partial<Spec>): void {
    this.set = { ...this.set, metadata: { ...this.set.metadata, generation: (this.set.metadata?.generation ?? 1) + 1 }, spec: { ...this.set.spec!, ...spec } };
  }
  revisions = () => [...this.pods.values()].sort((a, b) => a.metadata!.name!.localeCompare(b.metadata!.name!)).map((p) => `${p.metadata!.name}:${p.metadata!.labels![REVISION_LABEL] === updateRevision(this.set) ? 'new' : 'old'}`);
}

describe('reconcileStatefulSet: identity and storage', () => {
  it('creates the claim first, then <set>-0 with stable labels, hostname, subdomain and the claim volume', () => {
    const actions = reconcileStatefulSet(sts(), { pods: [], claims: [] }, at(0));
    const creates = ofType(actions, 'create').map((c) => c.object);
    expect(creates.map((o) => `${o.kind}/${o.metadata?.name}`)).toEqual(['PersistentVolumeClaim/data-web-0', 'Pod/web-0']);
    const [pvc, pod] = creates as [PersistentVolumeClaim, Pod];
    expect(pvc.metadata?.labels).toEqual({ app: 'web' });
    expect(pvc.metadata?.ownerReferences).toBeUndefined();
    expect(pvc.spec?.resources?.requests).toEqual({ storage: '1Gi' });
    expect(pod.metadata?.labels).toEqual({
      app: 'web', 'statefulset.kubernetes.io/pod-name': 'web-0', 'apps.kubernetes.io/pod-index': '0', 'controller-revision-hash': updateRevision(sts()),
    });
    expect(pod.spec).toMatchObject({ hostname: 'web-0', subdomain: 'nginx', volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-web-0' } }] });
    expect(pod.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'StatefulSet', uid: 'uid-web', controller: true });
    expect(ofType(actions, 'event').map((e) => e.message)).toEqual(['create Claim data-web-0 Pod web-0 in StatefulSet web success', 'create Pod web-0 in StatefulSet web successful']);
  });

  it('whenDeleted=Delete: the set owns its claims (not as controller)', () => {
    const [pvc] = ofType(reconcileStatefulSet(sts({ persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Retain' } }), { pods: [], claims: [] }, at(0)), 'create');
    expect(pvc.object.metadata?.ownerReferences).toEqual([expect.objectContaining({ kind: 'StatefulSet', uid: 'uid-web', controller: false })]);
  });

  it('a failed pod is deleted and comes back under the same name, using the same claim', () => {
    const w = new World(sts({ replicas: 1 }));
    w.settle();
    w.pods.get('web-0')!.status = { phase: 'Failed' };
    const a = w.reconcile();
    expect(ofType(a, 'event').map((e) => [e.eventType, e.reason])).toEqual([['Warning', 'RecreatingFailedPod']]);
    w.kubelet();
    w.settle();
    expect([...w.pods.keys()]).toEqual(['web-0']);
    expect(w.pods.get('web-0')!.spec?.volumes?.[0].persistentVolumeClaim?.claimName).toBe('data-web-0');
    expect([...w.claims.keys()]).toEqual(['data-web-0']);
  });
});

describe('reconcileStatefulSet: pod management', () => {
  it('OrderedReady: up in order 0,1,2, each after the previous is Running and Ready; down 2,1 one at a time', () => {
    const w = new World(sts());
    const first = w.reconcile();
    expect(ofType(first, 'create').filter((c) => c.object.kind === 'Pod')).toHaveLength(1);
    expect(w.reconcile().filter((a) => a.type === 'create')).toEqual([]); // web-0 not ready yet: wait
    w.kubelet();
    w.settle();
    expect(w.log).toEqual(['+web-0', '+web-1', '+web-2']);
    expect(w.set.status).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3, currentReplicas: 3, updatedReplicas: 3, observedGeneration: 1 });
    w.edit({ replicas: 1 });
    const down = w.reconcile();
    expect(ofType(down, 'delete').map((d) => d.key.name)).toEqual(['web-2']);
    expect(ofType(w.reconcile(), 'delete')).toEqual([]); // web-2 still terminating: wait
    w.kubelet();
    w.settle();
    expect(w.log.slice(3)).toEqual(['-web-2', '-web-1']);
    expect([...w.claims.keys()].sort()).toEqual(['data-web-0', 'data-web-1', 'data-web-2']); // claims are kept
  });

  it('Parallel: creates and deletes all at once', () => {
    const w = new World(sts({ podManagementPolicy: 'Parallel' }));
    expect(ofType(w.reconcile(), 'create').filter((c) => c.object.kind === 'Pod').map((c) => c.object.metadata?.name)).toEqual(['web-0', 'web-1', 'web-2']);
    w.kubelet();
    w.settle();
    w.edit({ replicas: 0 });
    expect(ofType(w.reconcile(), 'delete').map((d) => d.key.name)).toEqual(['web-2', 'web-1', 'web-0']);
  });

  it('whenScaled=Delete: a scaled-away ordinal loses its claim once its pod is gone', () => {
    const w = new World(sts({ replicas: 2, persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Delete' } }));
    w.settle();
    w.edit({ replicas: 1 });
    w.settle();
    expect([...w.claims.keys()]).toEqual(['data-web-0']);
  });
});

describe('reconcileStatefulSet: updates', () => {
  it('RollingUpdate with partition 1 updates 2 then 1, one at a time, and leaves 0', () => {
    const w = new World(sts({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } }));
    w.settle();
    w.log = [];
    w.edit({ template: { ...w.set.spec!.template, spec: { containers: [{ name: 'c', image: 'db:2' }] } } });
    w.settle();
    expect(w.log).toEqual(['-web-2', '+web-2', '-web-1', '+web-1']);
    expect(w.revisions()).toEqual(['web-0:old', 'web-1:new', 'web-2:new']);
    expect(w.set.status).toMatchObject({ updatedReplicas: 2, currentReplicas: 1, updateRevision: updateRevision(w.set) });
    expect(w.set.status?.currentRevision).not.toBe(updateRevision(w.set));
    w.edit({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } } });
    w.settle();
    expect(w.revisions()).toEqual(['web-0:new', 'web-1:new', 'web-2:new']);
    expect(w.set.status).toMatchObject({ currentRevision: updateRevision(w.set), currentReplicas: 3, updatedReplicas: 3 });
  });

  it('OnDelete: nothing moves until a pod is deleted', () => {
    const w = new World(sts({ replicas: 2, updateStrategy: { type: 'OnDelete' } }));
    w.settle();
    w.edit({ template: { ...w.set.spec!.template, spec: { containers: [{ name: 'c', image: 'db:2' }] } } });
    w.settle();
    expect(w.revisions()).toEqual(['web-0:old', 'web-1:old']);
    w.pods.delete('web-1');
    w.settle();
    expect(w.revisions()).toEqual(['web-0:old', 'web-1:new']);
  });

  it('restores missing identity labels on an adopted-then-kept pod', () => {
    const p: Pod = {
      metadata: { name: 'web-0', namespace: 'default', resourceVersion: '8', labels: { app: 'web', [REVISION_LABEL]: updateRevision(sts()) }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'uid-web', controller: true }] },
      spec: { containers: [] }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
    };
    const a = reconcileStatefulSet(sts({ replicas: 1 }), { pods: [p], claims: [{ metadata: { name: 'data-web-0', namespace: 'default' } }] }, at(0));
    const [u] = ofType(a, 'update');
    expect(u.expectSeq).toBe('8');
    expect(u.object.metadata?.labels).toMatchObject({ 'statefulset.kubernetes.io/pod-name': 'web-0', 'apps.kubernetes.io/pod-index': '0' });
  });
});
