import type { V1Pod } from '@kubernetes/client-node';
import { makeNode, makePod } from './fixtures';
import { ClusterChange, couldHelp } from './queueing-hints';
import { Decision, schedule } from './schedule';
import { ClusterSnapshot } from './snapshot';
import { snapshotOf } from './test-helpers';

function unschedulable(pod: V1Pod, s: ClusterSnapshot): Decision {
  const d = schedule(pod, s);
  expect(d.type).toBe('Unschedulable');
  return d;
}

describe('couldHelp', () => {
  it('NodeAdded: retry only when the new node could take the pod', () => {
    const s = snapshotOf([makeNode('n1')]);
    const pod = makePod('p', { nodeSelector: { disk: 'ssd' } });
    const d = unschedulable(pod, s);
    const cases: [ClusterChange, boolean][] = [
      [{ type: 'NodeAdded', node: makeNode('n2') }, false],
      [{ type: 'NodeAdded', node: makeNode('n3', { labels: { disk: 'ssd' } }) }, true],
      [{ type: 'NodeAdded', node: makeNode('n4', { labels: { disk: 'ssd' }, taints: [{ key: 'x', effect: 'NoSchedule' }] }) }, false],
      [{ type: 'NodeAdded', node: makeNode('n5', { labels: { disk: 'ssd' }, ready: 'False' }) }, false],
    ];
    for (const [change, retry] of cases) expect(couldHelp(pod, d.record, change, s).retry).toBe(retry);
  });

  it('NodeUpdated: retry when the node starts passing (label added, uncordoned, more allocatable)', () => {
    const s = snapshotOf([makeNode('n1', { cpu: '1', unschedulable: true })]);
    const pod = makePod('p', { cpu: '2' });
    const d = unschedulable(pod, s);
    const old = makeNode('n1', { cpu: '1', unschedulable: true });
    expect(couldHelp(pod, d.record, { type: 'NodeUpdated', oldNode: old, node: makeNode('n1', { cpu: '1' }) }, s).retry).toBe(false);
    expect(couldHelp(pod, d.record, { type: 'NodeUpdated', oldNode: old, node: makeNode('n1', { cpu: '4' }) }, s).retry).toBe(true);
    expect(couldHelp(pod, d.record, { type: 'NodeUpdated', oldNode: old, node: makeNode('n1', { cpu: '4', unschedulable: true }) }, s).retry).toBe(false);
  });

  it('PodDeleted: retry when the deletion frees enough room or removes an anti-affinity conflict', () => {
    const s = snapshotOf([makeNode('n1', { cpu: '2' })], [makePod('big', { nodeName: 'n1', cpu: '2' }), makePod('tiny', { nodeName: 'n1', cpu: '0' })]);
    const pod = makePod('p', { cpu: '1' });
    const d = unschedulable(pod, s);
    s.removePod('uid-default-tiny');
    expect(couldHelp(pod, d.record, { type: 'PodDeleted', pod: makePod('tiny', { nodeName: 'n1', cpu: '0' }) }, s).retry).toBe(false);
    s.removePod('uid-default-big');
    expect(couldHelp(pod, d.record, { type: 'PodDeleted', pod: makePod('big', { nodeName: 'n1', cpu: '2' }) }, s).retry).toBe(true);

    const anti = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'db' } } }] } };
    const s2 = snapshotOf([makeNode('n1')], [makePod('db', { nodeName: 'n1', labels: { app: 'db' } })]);
    const p2 = makePod('p2', { affinity: anti });
    const d2 = unschedulable(p2, s2);
    expect(couldHelp(p2, d2.record, { type: 'PodDeleted', pod: makePod('web', { nodeName: 'n1', labels: { app: 'web' } }) }, s2).retry).toBe(false);
    expect(couldHelp(p2, d2.record, { type: 'PodDeleted', pod: makePod('db', { nodeName: 'n1', labels: { app: 'db' } }) }, s2).retry).toBe(true);
  });

  it('PodAdded: retry when a pod satisfying required affinity appears', () => {
    const s = snapshotOf([makeNode('n1', { labels: { zone: 'a' } })], [makePod('x', { nodeName: 'n1', labels: { app: 'x' } })]);
    const aff = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'zone', labelSelector: { matchLabels: { app: 'db' } } }] } };
    const pod = makePod('p', { affinity: aff });
    const d = unschedulable(pod, s);
    expect(couldHelp(pod, d.record, { type: 'PodAdded', pod: makePod('web', { nodeName: 'n1', labels: { app: 'web' } }) }, s).retry).toBe(false);
    expect(couldHelp(pod, d.record, { type: 'PodAdded', pod: makePod('db', { nodeName: 'n1', labels: { app: 'db' } }) }, s).retry).toBe(true);
  });
});
