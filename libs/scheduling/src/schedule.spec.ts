import type { V1Pod } from '@kubernetes/client-node';
import { makeNode, makePod } from './fixtures';
import { explainNode, schedule } from './schedule';
import { ClusterSnapshot } from './snapshot';
import { snapshotOf } from './test-helpers';

const web = (name: string): V1Pod =>
  makePod(name, {
    labels: { app: 'web' },
    cpu: '100m',
    affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'web' } } }] } },
  });

/** Schedule pods one after another, binding each into the snapshot like the shell does. */
function scheduleAll(s: ClusterSnapshot, pods: V1Pod[], config = {}): string[] {
  let start = 0;
  return pods.map((p) => {
    const d = schedule(p, s, config, { startIndex: start });
    start = d.nextStartIndex;
    if (d.type !== 'Scheduled') return `unschedulable: ${d.message}`;
    s.bindPod(p, d.nodeName);
    return d.nodeName;
  });
}

describe('schedule', () => {
  it('fits resources over three nodes', () => {
    const s = snapshotOf(
      [makeNode('small', { cpu: '1' }), makeNode('medium', { cpu: '2' }), makeNode('large', { cpu: '4' })],
      [makePod('busy', { nodeName: 'large', cpu: '3500m' })],
    );
    const d = schedule(makePod('p', { cpu: '1500m' }), s);
    expect(d.type).toBe('Scheduled');
    expect(d.type === 'Scheduled' && d.nodeName).toBe('medium');
    expect(d.record.rejected.map((r) => [r.node, r.reasons])).toEqual([['small', ['Insufficient cpu']], ['large', ['Insufficient cpu']]]);
    expect(explainNode(d.record, 'medium')).toMatchObject({ verdict: 'scored', chosen: true });
    expect(explainNode(d.record, 'small')).toEqual({ verdict: 'rejected', plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'] });
  });

  it('reports the Kubernetes message when nothing fits', () => {
    const s = snapshotOf(
      [makeNode('w1'), makeNode('w2'), makeNode('cp', { cpu: '8', taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] })],
      [makePod('busy1', { nodeName: 'w1', cpu: '3' }), makePod('busy2', { nodeName: 'w2', cpu: '3' })],
    );
    const d = schedule(makePod('p', { cpu: '2' }), s);
    expect(d.type).toBe('Unschedulable');
    expect(d.type === 'Unschedulable' && d.message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. ' +
        'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
    expect(d.record.rejected).toHaveLength(3);
  });

  it('keeps pods off a tainted node unless they tolerate it', () => {
    const s = snapshotOf([makeNode('gpu', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] })]);
    const plain = schedule(makePod('p'), s);
    expect(plain.type === 'Unschedulable' && plain.message).toContain('1 node(s) had untolerated taint {dedicated: gpu}');
    const tolerant = schedule(makePod('t', { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }] }), s);
    expect(tolerant.type === 'Scheduled' && tolerant.nodeName).toBe('gpu');
  });

  it('leaves a pod whose nodeSelector matches nothing unschedulable', () => {
    const s = snapshotOf([makeNode('n1'), makeNode('n2')]);
    const d = schedule(makePod('p', { nodeSelector: { disk: 'ssd' } }), s);
    expect(d.type === 'Unschedulable' && d.message).toBe(
      "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    );
    s.updateNode(makeNode('n3', { labels: { disk: 'ssd' } }));
    const again = schedule(makePod('p', { nodeSelector: { disk: 'ssd' } }), s);
    expect(again.type === 'Scheduled' && again.nodeName).toBe('n3');
  });

  it('spreads three anti-affine replicas over three nodes, and the fourth waits', () => {
    const s = snapshotOf([makeNode('n1'), makeNode('n2'), makeNode('n3')]);
    const placed = scheduleAll(s, [web('w1'), web('w2'), web('w3'), web('w4')]);
    expect(new Set(placed.slice(0, 3))).toEqual(new Set(['n1', 'n2', 'n3']));
    // kube-scheduler checks existing pods' anti-affinity first, so that is the reason reported
    expect(placed[3]).toContain("0/3 nodes are available: 3 node(s) didn't satisfy existing pods anti-affinity rules.");
  });

  it("reports the incoming pod's own anti-affinity when only it applies", () => {
    const s = snapshotOf([makeNode('n1')], [makePod('db', { nodeName: 'n1', labels: { app: 'db' } })]);
    const pod = makePod('p', { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'db' } } }] } } });
    const d = schedule(pod, s);
    expect(d.type === 'Unschedulable' && d.message).toContain("1 node(s) didn't match pod anti-affinity rules.");
  });

  it('rejects a node whose host port is taken', () => {
    const s = snapshotOf([makeNode('n1'), makeNode('n2')], [makePod('old', { nodeName: 'n1', ports: [{ containerPort: 80, hostPort: 8080 }] })]);
    const d = schedule(makePod('p', { ports: [{ containerPort: 80, hostPort: 8080 }] }), s);
    expect(d.type === 'Scheduled' && d.nodeName).toBe('n2');
    expect(d.record.rejected).toEqual([{ node: 'n1', plugin: 'NodePorts', code: 'Unschedulable', reasons: ["node(s) didn't have free ports for the requested pod ports"] }]);
  });

  it('MostAllocated packs, LeastAllocated spreads', () => {
    const pods = (prefix: string) => Array.from({ length: 4 }, (_, i) => makePod(`${prefix}${i}`, { cpu: '1', memory: '1Gi' }));
    const packed = scheduleAll(snapshotOf([makeNode('n1'), makeNode('n2'), makeNode('n3'), makeNode('n4')]), pods('m'), { scoringStrategy: 'MostAllocated' });
    const spread = scheduleAll(snapshotOf([makeNode('n1'), makeNode('n2'), makeNode('n3'), makeNode('n4')]), pods('l'), {});
    expect(new Set(packed).size).toBe(1);
    expect(new Set(spread).size).toBe(4);
  });

  it('records per-plugin scores and weighted totals', () => {
    const s = snapshotOf([makeNode('n1'), makeNode('n2')], [makePod('x', { nodeName: 'n2', cpu: '2', memory: '4Gi' })]);
    const d = schedule(makePod('p', { cpu: '1', memory: '1Gi' }), s);
    const { scored } = d.record;
    expect(scored.plugins).toEqual(['NodeResourcesFit', 'NodeResourcesBalancedAllocation', 'NodeAffinity', 'TaintToleration', 'InterPodAffinity', 'PodTopologySpread']);
    scored.nodes.forEach((_, i) => expect(scored.totals[i]).toBe(scored.plugins.reduce((sum, _p, k) => sum + scored.weights[k] * scored.scores[k][i], 0)));
    expect(d.type === 'Scheduled' && d.nodeName).toBe('n1');
    expect(JSON.parse(JSON.stringify(d.record))).toEqual(d.record); // storable in an event as is
  });

  it('samples a rotating window on large clusters and breaks ties by seed', () => {
    const s = snapshotOf(Array.from({ length: 300 }, (_, i) => makeNode(`n${String(i).padStart(3, '0')}`)));
    const d = schedule(makePod('p'), s, { percentageOfNodesToScore: 10 }, { startIndex: 250, seed: 7 });
    expect(d.record.numNodesToFind).toBe(100);
    expect(d.record.scored.nodes).toHaveLength(100);
    expect(d.record.scored.nodes[0]).toBe('n250');
    expect(d.record.scored.nodes[99]).toBe('n049'); // wrapped around
    expect(d.nextStartIndex).toBe(50);
    // all nodes are identical: the seed picks among the tie, deterministically
    const again = schedule(makePod('p'), s, { percentageOfNodesToScore: 10 }, { startIndex: 250, seed: 7 });
    expect(again.type === 'Scheduled' && again.nodeName).toBe(d.type === 'Scheduled' && d.nodeName);
    const other = schedule(makePod('p'), s, { percentageOfNodesToScore: 10 }, { startIndex: 250, seed: 8 });
    expect(other.type === 'Scheduled' && other.nodeName).not.toBe(d.type === 'Scheduled' && d.nodeName);
  });

  it('schedules extended resources such as GPUs', () => {
    const s = snapshotOf([makeNode('cpu-only'), makeNode('gpu', { extended: { 'nvidia.com/gpu': '1' } })]);
    const d = schedule(makePod('p', { extended: { 'nvidia.com/gpu': '1' } }), s);
    expect(d.type === 'Scheduled' && d.nodeName).toBe('gpu');
    s.bindPod(makePod('p', { extended: { 'nvidia.com/gpu': '1' } }), 'gpu');
    const second = schedule(makePod('q', { extended: { 'nvidia.com/gpu': '1' } }), s);
    expect(second.type === 'Unschedulable' && second.message).toMatch(/^0\/2 nodes are available: 1 Insufficient nvidia.com\/gpu, 1 Insufficient nvidia.com\/gpu|^0\/2 nodes are available: 2 Insufficient nvidia.com\/gpu/);
  });

  it('is pure: scheduling does not change the snapshot', () => {
    const s = snapshotOf([makeNode('n1')]);
    const before = s.generation;
    schedule(makePod('p', { cpu: '1' }), s);
    expect(s.generation).toBe(before);
    expect(s.node('n1')!.podCount).toBe(0);
  });
});
