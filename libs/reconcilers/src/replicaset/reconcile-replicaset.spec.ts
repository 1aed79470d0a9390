import { seededRandom } from '../common/names';
import { at, expectOneWritePerObject, iso, ofType, pod, replicaSet } from '../testing/fixtures';
import { reconcileReplicaSet } from './reconcile-replicaset';

const owner = { kind: 'ReplicaSet', name: 'web-abc', uid: 'uid-web-abc' };
const env = (s = 0) => ({ now: at(s), random: seededRandom(1) });

describe('reconcileReplicaSet', () => {
  it('creates the missing pods with controller refs, template labels and deterministic names', () => {
    const rs = replicaSet({ replicas: 3 });
    const actions = reconcileReplicaSet(rs, { pods: [pod({ name: 'web-abc-1', owner })] }, env());
    const creates = ofType(actions, 'create');
    expect(creates).toHaveLength(2);
    const p = creates[0].object;
    expect(p.metadata?.name).toMatch(/^web-abc-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p.metadata?.generateName).toBe('web-abc-');
    expect(p.metadata?.labels).toEqual({ app: 'web' });
    expect(p.metadata?.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: 'uid-web-abc', controller: true, blockOwnerDeletion: true }]);
    expect(ofType(actions, 'event').map((e) => e.reason)).toEqual(['SuccessfulCreate', 'SuccessfulCreate']);
    expect(ofType(actions, 'event')[0].message).toBe(`Created pod: ${p.metadata?.name}`);
    // same inputs, same output
    expect(reconcileReplicaSet(rs, { pods: [pod({ name: 'web-abc-1', owner })] }, env())).toEqual(actions);
  });

  it('deletes the surplus in ActivePods order', () => {
    const pods = [
      pod({ name: 'old', owner, node: 'n1', created: 1 }),
      pod({ name: 'unready', owner, node: 'n2', ready: false }),
      pod({ name: 'unsched', owner }),
      pod({ name: 'new', owner, node: 'n1', created: 5 }),
    ];
    const actions = reconcileReplicaSet(replicaSet({ replicas: 1 }), { pods }, env());
    expect(ofType(actions, 'delete').map((d) => d.key.name)).toEqual(['unsched', 'unready', 'new']);
    expect(ofType(actions, 'event').map((e) => e.message)).toContain('Deleted pod: unsched');
  });

  it.each([
    ['terminating', { deleting: true }],
    ['failed', { phase: 'Failed' }],
    ['succeeded', { phase: 'Succeeded' }],
  ])('does not count %s pods', (_n, extra) => {
    const pods = [pod({ name: 'a', owner }), pod({ name: 'b', owner, ...extra })];
    const actions = reconcileReplicaSet(replicaSet({ replicas: 2 }), { pods }, env());
    expect(ofType(actions, 'create')).toHaveLength(1);
  });

  it('adopts matching orphans and releases owned pods that no longer match', () => {
    const pods = [
      pod({ name: 'orphan' }),
      pod({ name: 'mismatch', owner, labels: { app: 'other' } }),
      pod({ name: 'someone-elses', owner: { kind: 'ReplicaSet', name: 'x', uid: 'uid-x' } }),
      pod({ name: 'other-ns', namespace: 'kube-system' }),
    ];
    const actions = reconcileReplicaSet(replicaSet({ replicas: 1 }), { pods }, env());
    const updates = ofType(actions, 'update');
    expect(updates.map((u) => [u.object.metadata?.name, u.intent, u.expectSeq])).toEqual([
      ['orphan', 'Adopted', '10'], ['mismatch', 'Released', '10'],
    ]);
    expect(updates[0].object.metadata?.ownerReferences?.[0]).toMatchObject({ uid: 'uid-web-abc', controller: true });
    expect(updates[1].object.metadata?.ownerReferences).toBeUndefined();
    expect(ofType(actions, 'create')).toHaveLength(0);
  });

  it('deletes instead of adopting when the orphan is surplus (one write per object)', () => {
    const pods = [pod({ name: 'mine', owner, node: 'n', created: 1 }), pod({ name: 'orphan', node: 'n', created: 9 })];
    const actions = reconcileReplicaSet(replicaSet({ replicas: 1 }), { pods }, env());
    expectOneWritePerObject(actions);
    expect(ofType(actions, 'delete').map((d) => d.key.name)).toEqual(['orphan']);
    expect(ofType(actions, 'update')).toHaveLength(0);
  });

  it('writes status with minReadySeconds honoured and requeues for availability', () => {
    const pods = [
      pod({ name: 'a', owner, readySince: 0 }),
      pod({ name: 'b', owner, readySince: 25 }),
      pod({ name: 'c', owner, ready: false }),
      pod({ name: 'd', owner, labels: { app: 'web', extra: 'x' } }),
    ];
    const rs = replicaSet({ replicas: 4, minReadySeconds: 10, generation: 3 });
    const actions = reconcileReplicaSet(rs, { pods }, env(30));
    const [st] = ofType(actions, 'updateStatus');
    expect(st.object.status).toEqual({ replicas: 4, fullyLabeledReplicas: 4, readyReplicas: 3, availableReplicas: 2, observedGeneration: 3 });
    expect(st.expectSeq).toBe('5');
    expect(ofType(actions, 'requeueAfter')).toEqual([{ type: 'requeueAfter', seconds: 5 }]);
  });

  it('is a no-op at steady state', () => {
    const pods = [pod({ name: 'a', owner })];
    const rs = replicaSet({ replicas: 1, status: { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1 } });
    expect(reconcileReplicaSet(rs, { pods }, env(5))).toEqual([]);
  });

  it('a ReplicaSet being deleted neither creates nor adopts', () => {
    const actions = reconcileReplicaSet(replicaSet({ replicas: 3, deleting: true }), { pods: [pod({ name: 'orphan' })] }, env());
    expect(actions.filter((a) => a.type !== 'updateStatus')).toEqual([]);
  });

  it('caps creations at burstReplicas', () => {
    const actions = reconcileReplicaSet(replicaSet({ replicas: 10 }), { pods: [] }, { ...env(), burstReplicas: 4 });
    expect(ofType(actions, 'create')).toHaveLength(4);
    expect(iso(0)).toBe('2025-01-01T00:00:00Z');
  });
});
