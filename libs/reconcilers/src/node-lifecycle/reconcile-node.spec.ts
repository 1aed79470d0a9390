import type { Lease, Node, Pod } from '../common/wire';
import { at, iso, ofType, pod } from '../testing/fixtures';
import { evictionTime } from './taint-eviction';
import { reconcileNode } from './reconcile-node';

const node = (ready: string, taints?: Node['spec'] extends infer S ? S extends { taints?: infer T } ? T : never : never): Node => ({
  apiVersion: 'v1', kind: 'Node',
  metadata: { name: 'n1', uid: 'uid-n1', resourceVersion: '20', creationTimestamp: iso(0) },
  spec: taints ? { taints } : {},
  status: { conditions: [
    { type: 'Ready', status: ready, reason: 'KubeletReady', message: 'ok', lastHeartbeatTime: iso(0), lastTransitionTime: iso(0) },
    { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'ok', lastHeartbeatTime: iso(0), lastTransitionTime: iso(0) },
  ] },
});
const lease = (renewed: number): Lease => ({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'n1', namespace: 'kube-node-lease' }, spec: { holderIdentity: 'n1', renewTime: iso(renewed) } });
const onNode = (name: string, extra: Partial<Pod['spec']> = {}) => { const p = pod({ name, node: 'n1' }); p.spec = { ...p.spec!, ...extra }; return p; };

describe('reconcileNode', () => {
  it('healthy: requeues for when the grace period would run out', () => {
    expect(reconcileNode(node('True'), lease(100), [], at(110))).toEqual([{ type: 'requeueAfter', seconds: 31 }]);
  });

  it('lease older than the grace period: conditions Unknown, no taint yet', () => {
    const actions = reconcileNode(node('True'), lease(100), [], at(141));
    const [st] = ofType(actions, 'updateStatus');
    const conds = (st.object as Node).status?.conditions ?? [];
    expect(conds.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['Ready', 'Unknown', 'NodeStatusUnknown'], ['MemoryPressure', 'Unknown', 'NodeStatusUnknown'],
      ['DiskPressure', 'Unknown', 'NodeStatusNeverUpdated'], ['PIDPressure', 'Unknown', 'NodeStatusNeverUpdated'],
    ]);
    expect(conds[0].message).toBe('Kubelet stopped posting node status.');
    expect(ofType(actions, 'update')).toEqual([]);
  });

  it('honours a configured grace period', () => {
    expect(ofType(reconcileNode(node('True'), lease(100), [], at(106), { gracePeriodSeconds: 5 }), 'updateStatus')).toHaveLength(1);
  });

  it.each([
    ['Unknown', 'node.kubernetes.io/unreachable'],
    ['False', 'node.kubernetes.io/not-ready'],
  ])('Ready=%s taints %s NoSchedule + NoExecute', (ready, key) => {
    const actions = reconcileNode(node(ready), lease(199), [], at(200));
    const [up] = ofType(actions, 'update');
    expect((up.object as Node).spec?.taints).toEqual([{ key, effect: 'NoSchedule' }, { key, effect: 'NoExecute', timeAdded: iso(200) }]);
  });

  it('node back (Ready=True): removes the taints', () => {
    const n = node('True', [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: iso(0) }, { key: 'custom', effect: 'NoSchedule' }]);
    const [up] = ofType(reconcileNode(n, lease(300), [], at(301)), 'update');
    expect((up.object as Node).spec?.taints).toEqual([{ key: 'custom', effect: 'NoSchedule' }]);
  });

  it('evicts pods after the default 300 s toleration and marks the others not ready', () => {
    const n = node('Unknown', [
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: iso(100) },
    ]);
    const early = reconcileNode(n, lease(199), [onNode('a')], at(200));
    expect(ofType(early, 'delete')).toEqual([]);
    expect(ofType(early, 'updateStatus').map((a) => (a.object as Pod).status?.conditions?.[0].status)).toEqual(['False']);
    expect(ofType(early, 'requeueAfter')).toEqual([{ type: 'requeueAfter', seconds: 40 }]); // the lease recheck comes before the eviction at 400 s
    const late = reconcileNode(n, lease(399), [onNode('a'), onNode('forever', { tolerations: [{ operator: 'Exists' }] })], at(400));
    expect(ofType(late, 'delete').map((d) => d.key.name)).toEqual(['a']);
    expect(ofType(late, 'event').map((e) => e.reason)).toEqual(['TaintManagerEviction']);
  });

  it.each([
    ['no toleration, no defaults: now', undefined, null, 50],
    ['default 300', undefined, 300, 400],
    ['own 30 s', [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 }], 300, 130],
    ['forever', [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }], 300, 'never'],
  ])('evictionTime: %s', (_n, tolerations, dflt, want) => {
    const p = onNode('x', tolerations ? { tolerations } : {});
    const got = evictionTime(p, [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: iso(100) }], at(50), dflt ?? undefined);
    expect(got === 'never' ? got : (got - at(0).getTime()) / 1000).toBe(want);
  });
});
