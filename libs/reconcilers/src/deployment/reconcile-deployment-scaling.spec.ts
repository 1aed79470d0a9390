import type { Deployment, ReplicaSet } from '../common/wire';
import { deployment, World } from '../testing/deployment-sim';
import { at, iso, ofType } from '../testing/fixtures';
import { computeHash } from './pod-template-hash';
import { reconcileDeployment } from './reconcile-deployment';

function rs(name: string, image: string, o: { replicas: number; available?: number; revision: number; created: number; max?: number; desired?: number }): ReplicaSet {
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: {
      name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '7', generation: 1, creationTimestamp: iso(o.created),
      labels: { app: 'web' },
      annotations: {
        'deployment.kubernetes.io/revision': String(o.revision),
        ...(o.max !== undefined ? { 'deployment.kubernetes.io/max-replicas': String(o.max) } : {}),
        ...(o.desired !== undefined ? { 'deployment.kubernetes.io/desired-replicas': String(o.desired) } : {}),
      },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'uid-web', controller: true, blockOwnerDeletion: true }],
    },
    spec: { replicas: o.replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image }] } } },
    status: { replicas: o.replicas, availableReplicas: o.available ?? o.replicas, readyReplicas: o.available ?? o.replicas, observedGeneration: 1 },
  };
}

const sizes = (actions: ReturnType<typeof reconcileDeployment>) =>
  Object.fromEntries(ofType(actions, 'update').map((u) => [u.object.metadata?.name, (u.object as ReplicaSet).spec?.replicas]));

describe('proportional scaling during a rollout', () => {
  // The Kubernetes docs example: 10 replicas, maxSurge 3, maxUnavailable 2, mid-rollout 8 old + 5 new, scaled to 15.
  const d = deployment({ replicas: 15, image: 'nginx:2', strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } } });
  d.status = { replicas: 13 };
  const old = rs('web-old', 'nginx:1', { replicas: 8, revision: 1, created: 0, max: 13, desired: 10 });
  const cur = rs('web-new', 'nginx:2', { replicas: 5, available: 0, revision: 2, created: 5, max: 13, desired: 10 });

  it('adds 3 to the old and 2 to the new ReplicaSet', () => {
    const actions = reconcileDeployment(d, { replicaSets: [old, cur] }, at(10));
    expect(sizes(actions)).toEqual({ 'web-old': 11, 'web-new': 7 });
    expect(ofType(actions, 'event').map((e) => e.message)).toEqual([
      'Scaled up replica set web-old from 8 to 11', 'Scaled up replica set web-new from 5 to 7',
    ]);
    const updated = ofType(actions, 'update')[0].object;
    expect(updated.metadata?.annotations).toMatchObject({ 'deployment.kubernetes.io/desired-replicas': '15', 'deployment.kubernetes.io/max-replicas': '18' });
  });

  it('still scales proportionally when paused, without rolling forward', () => {
    const paused: Deployment = { ...d, spec: { ...d.spec!, paused: true } };
    const actions = reconcileDeployment(paused, { replicaSets: [old, cur] }, at(10));
    expect(sizes(actions)).toEqual({ 'web-old': 11, 'web-new': 7 });
    const st = ofType(actions, 'updateStatus')[0].object as Deployment;
    expect(st.status?.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
  });
});

describe('paused', () => {
  it('does not create a new ReplicaSet for a template change; resume does', () => {
    const w = new World(deployment({ replicas: 2 }));
    w.settle();
    w.set({ paused: true, template: { ...w.d.spec!.template, spec: { containers: [{ name: 'c', image: 'nginx:2' }] } } });
    w.settle();
    expect(w.rss.size).toBe(1);
    w.set({ paused: false });
    const actions = w.reconcile();
    expect(ofType(actions, 'create')).toHaveLength(1);
    const st = ofType(actions, 'updateStatus')[0].object as Deployment;
    expect(st.status?.conditions?.find((c) => c.type === 'Progressing')?.reason).toBe('NewReplicaSetCreated');
  });
});

describe('revisionHistoryLimit', () => {
  it.each([[1, ['web-r1', 'web-r2']], [2, ['web-r1']], [3, []], [0, ['web-r1', 'web-r2', 'web-r3']]])('limit %p deletes %p', (limit, deleted) => {
    const d = deployment({ replicas: 1, image: 'nginx:9', revisionHistoryLimit: limit });
    d.status = { observedGeneration: 1, replicas: 1, updatedReplicas: 1, availableReplicas: 1 };
    const rss = [
      rs('web-r3', 'nginx:3', { replicas: 0, revision: 3, created: 3 }),
      rs('web-r1', 'nginx:1', { replicas: 0, revision: 1, created: 1 }),
      rs('web-r2', 'nginx:2', { replicas: 0, revision: 2, created: 2 }),
      rs('web-r4', 'nginx:9', { replicas: 1, revision: 4, created: 4, desired: 1, max: 2 }),
    ];
    const actions = reconcileDeployment(d, { replicaSets: rss }, at(10));
    expect(ofType(actions, 'delete').map((a) => [a.key.name, a.expectSeq])).toEqual(deleted.map((n) => [n, '7']));
  });
});

describe('progressDeadlineSeconds', () => {
  const base = () => {
    const d = deployment({ replicas: 2, image: 'nginx:2', progressDeadlineSeconds: 60 });
    d.metadata!.annotations = { 'deployment.kubernetes.io/revision': '2' };
    d.status = {
      observedGeneration: 1, replicas: 3, updatedReplicas: 1, readyReplicas: 2, availableReplicas: 2, unavailableReplicas: 1,
      conditions: [
        { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: iso(0), lastTransitionTime: iso(0) },
        { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: 'x', lastUpdateTime: iso(0), lastTransitionTime: iso(0) },
      ],
    };
    const stuck = rs('web-new', 'nginx:2', { replicas: 1, available: 0, revision: 2, created: 0, desired: 2, max: 3 });
    const old = rs('web-old', 'nginx:1', { replicas: 2, revision: 1, created: 0, desired: 2, max: 3 });
    return { d, rss: [old, stuck] };
  };

  it('requeues for the deadline while there is no progress', () => {
    const { d, rss } = base();
    expect(reconcileDeployment(d, { replicaSets: rss }, at(20))).toEqual([{ type: 'requeueAfter', seconds: 40 }]);
  });

  it('reports ProgressDeadlineExceeded once it passes', () => {
    const { d, rss } = base();
    const actions = reconcileDeployment(d, { replicaSets: rss }, at(61));
    const st = ofType(actions, 'updateStatus')[0].object as Deployment;
    expect(st.status?.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({
      status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "web-new" has timed out progressing.',
    });
    expect(ofType(actions, 'requeueAfter')).toEqual([]);
  });
});

describe('edge cases', () => {
  it('a pod-template-hash collision bumps collisionCount and requeues without creating', () => {
    const d = deployment({ replicas: 1 });
    const foreign = rs(`web-${computeHash(d.spec?.template)}`, 'other', { replicas: 1, revision: 1, created: 0 });
    foreign.metadata!.ownerReferences = [];
    foreign.metadata!.labels = { app: 'other' };
    const actions = reconcileDeployment(d, { replicaSets: [foreign] }, at(0));
    expect(ofType(actions, 'create')).toEqual([]);
    expect((ofType(actions, 'updateStatus')[0].object as Deployment).status?.collisionCount).toBe(1);
    expect(ofType(actions, 'requeueAfter')).toEqual([{ type: 'requeueAfter', seconds: 0 }]);
    // with the new collisionCount the name differs and creation proceeds
    const d2 = { ...d, status: { collisionCount: 1 } };
    expect(ofType(reconcileDeployment(d2, { replicaSets: [foreign] }, at(1)), 'create')).toHaveLength(1);
  });

  it('a Deployment being deleted only updates status', () => {
    const d = deployment({ replicas: 3 });
    d.metadata!.deletionTimestamp = iso(0);
    const actions = reconcileDeployment(d, { replicaSets: [] }, at(0));
    expect(actions.map((a) => a.type)).toEqual(['updateStatus']);
  });

  it('adopts an orphan ReplicaSet whose template matches instead of creating one', () => {
    const d = deployment({ replicas: 1 });
    const orphan = rs('web-x', 'nginx:1', { replicas: 1, revision: 1, created: 0, desired: 1, max: 2 });
    orphan.metadata!.ownerReferences = [];
    const actions = reconcileDeployment(d, { replicaSets: [orphan] }, at(0));
    expect(ofType(actions, 'create')).toEqual([]);
    expect(ofType(actions, 'update').map((u) => [u.object.metadata?.name, u.intent])).toEqual([['web-x', 'Adopted']]);
  });
});
