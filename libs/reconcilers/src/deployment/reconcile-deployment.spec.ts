import { at } from '../testing/fixtures';
import { expectOneWritePerObject, ofType } from '../testing/fixtures';
import { deployment, World } from '../testing/deployment-sim';
import type { ReplicaSet } from '../common/wire';
import { computeHash } from './pod-template-hash';
import { reconcileDeployment } from './reconcile-deployment';

const rolling = (maxSurge: number | string, maxUnavailable: number | string) => ({ type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } });

describe('reconcileDeployment: a new Deployment', () => {
  const d = deployment({ replicas: 3, annotations: { 'kubernetes.io/change-cause': 'first' } });
  const actions = reconcileDeployment(d, { replicaSets: [] }, at(0));
  const [create] = ofType(actions, 'create');
  const rs = create.object as ReplicaSet;
  const hash = computeHash(d.spec?.template);

  it('creates <name>-<pod-template-hash> with labels, selector, owner and annotations', () => {
    expect(rs.metadata?.name).toBe(`web-${hash}`);
    expect(rs.metadata?.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.spec?.selector).toEqual({ matchLabels: { app: 'web', 'pod-template-hash': hash } });
    expect(rs.spec?.template?.metadata?.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.spec?.replicas).toBe(3);
    expect(rs.metadata?.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'uid-web', controller: true, blockOwnerDeletion: true }]);
    expect(rs.metadata?.annotations).toEqual({
      'kubernetes.io/change-cause': 'first',
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    });
  });

  it('records the ScalingReplicaSet event and the status', () => {
    expect(ofType(actions, 'event')).toEqual([expect.objectContaining({ reason: 'ScalingReplicaSet', eventType: 'Normal', message: `Scaled up replica set web-${hash} from 0 to 3` })]);
    const [st] = ofType(actions, 'updateStatus');
    expect(st.expectSeq).toBe('1');
    expect(st.object.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    const status = (st.object as typeof d).status!;
    expect(status).toMatchObject({ observedGeneration: 1, replicas: 0, updatedReplicas: 0, availableReplicas: 0, unavailableReplicas: 3 });
    expect(status.conditions?.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['Progressing', 'True', 'NewReplicaSetCreated'], ['Available', 'False', 'MinimumReplicasUnavailable'],
    ]);
    expect(ofType(actions, 'requeueAfter')).toEqual([{ type: 'requeueAfter', seconds: 600 }]);
  });

  it('settles at Available / NewReplicaSetAvailable and then does nothing', () => {
    const w = new World(d);
    w.settle();
    const c = w.d.status?.conditions?.map((x) => [x.type, x.status, x.reason]);
    expect(c).toEqual(expect.arrayContaining([['Available', 'True', 'MinimumReplicasAvailable'], ['Progressing', 'True', 'NewReplicaSetAvailable']]));
    expect(w.d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, unavailableReplicas: 0 });
    expect(w.reconcile()).toEqual([]);
  });
});

describe('reconcileDeployment: rolling update', () => {
  it.each([
    [4, 1, 1],
    [10, '25%', '25%'],
    [5, 0, 1],
    [5, 2, 0],
    [3, '50%', '0%'],
  ])('replicas %p maxSurge %p maxUnavailable %p keeps the bounds', (replicas, surge, unavailable) => {
    const w = new World(deployment({ replicas, strategy: rolling(surge, unavailable) }));
    w.settle();
    w.set({ template: { ...w.d.spec!.template, spec: { containers: [{ name: 'c', image: 'nginx:2' }] } } });
    const maxPods = replicas + (typeof surge === 'number' ? surge : Math.ceil((replicas * parseInt(surge, 10)) / 100));
    const minAvail = replicas - (typeof unavailable === 'number' ? unavailable : Math.floor((replicas * parseInt(unavailable, 10)) / 100));
    w.settle(() => {
      const { pods, available } = w.totals();
      expect(pods).toBeLessThanOrEqual(maxPods);
      expect(available).toBeGreaterThanOrEqual(minAvail);
    });
    expect(w.byRevision()).toEqual([['nginx:1', 1, 0], ['nginx:2', 2, replicas]]);
    expect(w.d.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(w.d.status?.observedGeneration).toBe(2);
    expect(w.d.status?.conditions?.find((c) => c.type === 'Progressing')?.reason).toBe('NewReplicaSetAvailable');
  });

  it('10 replicas at 25%/25%: surge 3 (rounds up) and old down to 8 in the same sync, as Kubernetes does', () => {
    const w = new World(deployment({ replicas: 10 }));
    w.settle();
    w.set({ template: { ...w.d.spec!.template, spec: { containers: [{ name: 'c', image: 'nginx:2' }] } } });
    const first = w.reconcile();
    expect(ofType(first, 'event').map((e) => e.message)).toEqual([
      expect.stringMatching(/^Scaled up replica set web-\w+ from 0 to 3$/),
      expect.stringMatching(/^Scaled down replica set web-\w+ from 10 to 8$/),
    ]);
    expectOneWritePerObject(first);
    w.runReplicaSets();
    // two old pods gone: surge room for two more new ones
    expect(ofType(w.reconcile(), 'event').map((e) => e.message)).toEqual([expect.stringMatching(/^Scaled up replica set web-\w+ from 3 to 5$/)]);
    // 13 pods, 8 available, the 5 new ones not yet available: nothing may move
    expect(ofType(w.reconcile(), 'event')).toEqual([]);
  });

  it('kubectl rollout restart (restartedAt template annotation) creates a new ReplicaSet', () => {
    const w = new World(deployment({ replicas: 2 }));
    w.settle();
    w.set({ template: { ...w.d.spec!.template, metadata: { ...w.d.spec!.template.metadata, annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-01-01T00:00:00Z' } } } });
    w.settle();
    expect(w.rss.size).toBe(2);
    expect(w.byRevision().map((r) => r.slice(1))).toEqual([[1, 0], [2, 2]]);
  });
});

describe('reconcileDeployment: rollback', () => {
  it('reuses the old ReplicaSet and gives it the next revision, keeping revision-history', () => {
    const w = new World(deployment({ replicas: 2 }));
    w.settle();
    const v1 = structuredClone(w.d.spec!.template);
    w.set({ template: { ...v1, spec: { containers: [{ name: 'c', image: 'nginx:2' }] } } });
    w.settle();
    w.set({ template: v1 }); // kubectl rollout undo: patch the template back
    const creates = () => w.log.filter((a) => a.type === 'create').length;
    const before = creates();
    w.settle();
    expect(creates()).toBe(before);
    expect(w.byRevision()).toEqual([['nginx:2', 2, 0], ['nginx:1', 3, 2]]);
    const v1rs = [...w.rss.values()].find((rs) => rs.spec?.template?.spec?.containers[0].image === 'nginx:1')!;
    expect(v1rs.metadata?.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(w.d.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
  });
});

describe('reconcileDeployment: Recreate', () => {
  it('scales old to zero, waits for its pods, then creates the new one at full size', () => {
    const w = new World(deployment({ replicas: 3, strategy: { type: 'Recreate' } }));
    w.settle();
    w.set({ template: { ...w.d.spec!.template, spec: { containers: [{ name: 'c', image: 'nginx:2' }] } } });
    const a1 = w.reconcile();
    expect(ofType(a1, 'create')).toHaveLength(0);
    expect(ofType(a1, 'event').map((e) => e.message)).toEqual([expect.stringMatching(/^Scaled down replica set web-\w+ from 3 to 0$/)]);
    // old pods still reported by the RS status: keep waiting
    expect(ofType(w.reconcile(), 'create')).toHaveLength(0);
    w.runReplicaSets();
    const a3 = w.reconcile();
    expect(ofType(a3, 'create').map((c) => (c.object as ReplicaSet).spec?.replicas)).toEqual([3]);
    w.settle(() => {
      const sizes = [...w.rss.values()].map((rs) => rs.status?.replicas ?? 0);
      expect(sizes.filter((n) => n > 0).length).toBeLessThanOrEqual(1);
    });
  });

  it('waits for old pods that are still running', () => {
    const w = new World(deployment({ replicas: 1, strategy: { type: 'Recreate' } }));
    w.settle();
    const old = [...w.rss.values()][0];
    old.spec = { ...old.spec!, replicas: 0 };
    old.status = { replicas: 0 };
    const d = { ...w.d, spec: { ...w.d.spec!, template: { ...w.d.spec!.template, spec: { containers: [{ name: 'c', image: 'nginx:2' }] } } } };
    const pod = { metadata: { name: 'p', namespace: 'default', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: old.metadata!.name!, uid: old.metadata!.uid!, controller: true }] }, status: { phase: 'Running' } };
    expect(ofType(reconcileDeployment(d, { replicaSets: [old], pods: [pod] }, at(99)), 'create')).toHaveLength(0);
    expect(ofType(reconcileDeployment(d, { replicaSets: [old], pods: [] }, at(99)), 'create')).toHaveLength(1);
  });
});
