import { checkSchedulerConfig } from './config-check';

describe('checkSchedulerConfig', () => {
  it('accepts what the scheduler honours', () => {
    const c = { scoringStrategy: 'MostAllocated', weights: { NodeResourcesFit: 10, PodTopologySpread: 0 }, disabledFilters: ['NodePorts'], percentageOfNodesToScore: 50, scoredResources: [{ name: 'cpu', weight: 2 }], defaultTopologySpread: false };
    expect(checkSchedulerConfig(c)).toEqual({ ok: true, config: c });
    expect(checkSchedulerConfig({})).toEqual({ ok: true, config: {} });
  });

  it('names every mistake instead of ignoring it', () => {
    const r = checkSchedulerConfig({ weights: { NodeResourceFit: 5, TaintToleration: -1 }, scoringStrategy: 'Random', disabledFilters: ['Nope'], percentageOfNodesToScore: 150, extra: 1 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([
      expect.stringMatching(/^unknown field "extra"/),
      'scoringStrategy must be LeastAllocated or MostAllocated, got "Random"',
      'percentageOfNodesToScore must be a number from 0 to 100',
      expect.stringMatching(/^weights: unknown score plugin "NodeResourceFit" \(known: NodeResourcesFit, /),
      'weights: TaintToleration must be a number ≥ 0',
      expect.stringMatching(/^disabledFilters: unknown filter plugin "Nope"/),
    ]);
    expect(checkSchedulerConfig([1])).toEqual({ ok: false, errors: ['expected a JSON object (a SchedulerConfig)'] });
  });
});
