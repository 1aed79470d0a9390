import { makeNode, makePod } from './fixtures';
import { ClusterSnapshot } from './snapshot';

describe('ClusterSnapshot', () => {
  it('aggregates requests, ports, pod count and owner index incrementally', () => {
    const s = new ClusterSnapshot();
    s.updateNode(makeNode('n1'));
    s.addPod(makePod('a', { nodeName: 'n1', cpu: '1', memory: '1Gi', extended: { 'nvidia.com/gpu': '1' }, ports: [{ containerPort: 80, hostPort: 8080 }], owner: { kind: 'ReplicaSet', name: 'rs', uid: 'rs1' } }));
    s.addPod(makePod('b', { nodeName: 'n1', cpu: '500m', owner: { kind: 'ReplicaSet', name: 'rs', uid: 'rs1' } }));
    const n1 = s.node('n1')!;
    expect(n1.podCount).toBe(2);
    expect(n1.requested.milliCpu).toBe(1500);
    expect(n1.requested.scalar.get('nvidia.com/gpu')).toBe(1);
    expect(n1.portConflicts({ ip: '127.0.0.2', protocol: 'TCP', port: 8080 })).toBe(true);
    expect(s.ownerPods('default/rs1')?.get('n1')).toBe(2);

    s.removePod(makePod('a'));
    expect(n1.requested.milliCpu).toBe(500);
    expect(n1.requested.scalar.has('nvidia.com/gpu')).toBe(false);
    expect(n1.portConflicts({ ip: '0.0.0.0', protocol: 'TCP', port: 8080 })).toBe(false);
    expect(s.ownerPods('default/rs1')?.get('n1')).toBe(1);
  });

  it('treats an update as replace, drops unbound and terminated pods', () => {
    const s = new ClusterSnapshot();
    s.updateNode(makeNode('n1'));
    s.addPod(makePod('a', { nodeName: 'n1', cpu: '1' }));
    s.addPod(makePod('a', { nodeName: 'n1', cpu: '2' }));
    expect(s.node('n1')!.requested.milliCpu).toBe(2000);
    s.addPod(makePod('a', { nodeName: 'n1', cpu: '2', phase: 'Succeeded' }));
    expect(s.node('n1')!.podCount).toBe(0);
    expect(s.addPod(makePod('u'))).toBeUndefined();
    expect(s.numPods).toBe(0);
  });

  it('keeps pods that arrive before their node, and a removed node out of the list', () => {
    const s = new ClusterSnapshot();
    s.addPod(makePod('early', { nodeName: 'n2', cpu: '1' }));
    expect(s.numNodes).toBe(0);
    s.updateNode(makeNode('n1'));
    s.updateNode(makeNode('n2'));
    s.updateNode(makeNode('n3'));
    expect(s.node('n2')!.requested.milliCpu).toBe(1000);
    s.removeNode('n1');
    expect(s.nodes.map((n) => n.name).sort()).toEqual(['n2', 'n3']);
    s.removeNode('n2');
    expect(s.node('n2')).toBeUndefined();
    s.updateNode(makeNode('n2'));
    expect(s.node('n2')!.podCount).toBe(1); // the bound pod was never forgotten
  });

  it('indexes nodes with affinity pods', () => {
    const s = new ClusterSnapshot();
    s.updateNode(makeNode('n1'));
    const anti = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'x' } } }] } };
    s.addPod(makePod('a', { nodeName: 'n1', affinity: anti }));
    expect(s.nodesWithRequiredAntiAffinityPods.size).toBe(1);
    s.removePod('uid-default-a');
    expect(s.nodesWithRequiredAntiAffinityPods.size).toBe(0);
    expect(s.nodesWithAffinityPods.size).toBe(0);
  });
});
