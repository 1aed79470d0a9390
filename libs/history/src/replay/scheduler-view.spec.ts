import type { KubeObject } from '@wake/events';
import { makeNode, makePod } from '@wake/scheduling';
import { ev } from '../testing/events';
import { ReplayState } from './replay-state';
import { SchedulerView, schedulerSnapshot } from './scheduler-view';

const k = (o: unknown) => o as KubeObject;
const describeSnapshot = (s: ReturnType<typeof schedulerSnapshot>) => ({
  nodes: s.nodes.map((n) => [n.name, n.requested.milliCpu, n.pods.size]).sort(),
  pods: s.numPods,
  team: s.namespaceLabels('default'),
  claim: s.claimNode('default', 'data'),
});

describe('SchedulerView', () => {
  it('keeps the same snapshot incrementally as one built from the replayed state', () => {
    const state = new ReplayState();
    const view = new SchedulerView(state);
    const events = [
      ev(1, 'Namespace.Created', k({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', labels: { team: 'a' } } })),
      ev(2, 'Node.Created', k(makeNode('n1'))), ev(3, 'Node.Created', k(makeNode('n2'))), ev(4, 'Node.Created', k(makeNode('n3'))),
      ev(5, 'Pod.Created', k(makePod('a', { cpu: '1' }))), ev(6, 'Pod.Bound', k(makePod('a', { cpu: '1', nodeName: 'n1' }))),
      ev(7, 'Pod.Bound', k(makePod('b', { cpu: '2', nodeName: 'n2' }))), ev(8, 'Pod.StatusReported', k(makePod('b', { cpu: '2', nodeName: 'n2', phase: 'Succeeded' }))),
      ev(9, 'Pod.Bound', k(makePod('c', { cpu: '500m', nodeName: 'n3' }))), ev(10, 'Pod.Deleted', k(makePod('c', { cpu: '500m', nodeName: 'n3' }))),
      ev(11, 'Node.Deleted', k(makeNode('n2'))),
      ev(12, 'PersistentVolumeClaim.ClaimPlaced', k({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default', annotations: { 'volume.kubernetes.io/selected-node': 'n1' } } })),
    ];
    for (const e of events) {
      if (state.apply(e).applied) view.apply(e);
      expect(describeSnapshot(view.snapshot)).toEqual(describeSnapshot(schedulerSnapshot(state)));
    }
    expect(describeSnapshot(view.snapshot)).toEqual({ nodes: [['n1', 1000, 1], ['n3', 0, 0]], pods: 1, team: { team: 'a' }, claim: 'n1' });
  });
});
