import { compileProfile, numFeasibleNodesToFind } from './config';

describe('numFeasibleNodesToFind (adaptive percentageOfNodesToScore)', () => {
  it.each([
    [0, 50, 50],
    [0, 100, 100],
    [0, 1000, 420],
    [0, 5000, 500],
    [0, 10000, 500],
    [0, 2000, 680],
    [10, 500, 100],
    [30, 1000, 300],
    [100, 1000, 1000],
  ])('percentage %d of %d nodes → %d', (pct, nodes, want) => expect(numFeasibleNodesToFind(pct, nodes)).toBe(want));
});

describe('compileProfile', () => {
  it('uses kube-scheduler default weights, drops zero weights and disabled filters, caches per config', () => {
    const config = { weights: { InterPodAffinity: 0 }, disabledFilters: ['NodeReady' as const] };
    const p = compileProfile(config);
    expect(p.scores.map((s) => [s.plugin.name, s.weight])).toEqual([
      ['NodeResourcesFit', 1], ['NodeResourcesBalancedAllocation', 1], ['NodeAffinity', 2], ['TaintToleration', 3], ['PodTopologySpread', 2],
    ]);
    expect(p.filters.map((f) => f.name)).not.toContain('NodeReady');
    expect(compileProfile(config)).toBe(p);
  });
});
