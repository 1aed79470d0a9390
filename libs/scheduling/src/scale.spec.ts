import { makeNode, makePod } from './fixtures';
import { schedule } from './schedule';
import { ClusterSnapshot } from './snapshot';

/** Sanity, not a timed assertion: 1,000 owned pods over 1,000 zoned nodes must not be pathological. */
describe('scale sanity', () => {
  it('schedules 1,000 pods onto 1,000 nodes', () => {
    const s = new ClusterSnapshot();
    for (let i = 0; i < 1000; i++)
      s.updateNode(makeNode(`node-${i}`, { cpu: '32', memory: '128Gi', labels: { 'topology.kubernetes.io/zone': `zone-${i % 3}`, 'wake.dev/simulated': 'true' } }));
    const owner = { kind: 'ReplicaSet', name: 'web-abc', uid: 'rs-web' };
    let start = 0;
    const t0 = performance.now();
    for (let i = 0; i < 1000; i++) {
      const pod = makePod(`web-${i}`, { cpu: '100m', memory: '128Mi', labels: { app: 'web' }, owner });
      const d = schedule(pod, s, {}, { startIndex: start });
      start = d.nextStartIndex;
      if (d.type !== 'Scheduled') throw new Error(d.message);
      s.bindPod(pod, d.nodeName);
    }
    const ms = performance.now() - t0;
    expect(s.numPods).toBe(1000);
    // default spreading: no node gets a second replica while others have none in the sampled window
    const perNode = [...s.ownerPods('default/rs-web')!.values()];
    expect(Math.max(...perNode)).toBeLessThanOrEqual(2);
    expect(ms).toBeLessThan(60_000); // only catches something pathological
  });
});
