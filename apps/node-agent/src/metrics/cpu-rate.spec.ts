import { cpuNanoCores } from './cpu-rate';

describe('cpuNanoCores', () => {
  it.each([
    ['one full core', { usageNanos: 0, atMs: 0 }, { usageNanos: 15e9, atMs: 15_000 }, 1e9],
    ['a quarter core', { usageNanos: 1e9, atMs: 1_000 }, { usageNanos: 1.5e9, atMs: 3_000 }, 250e6],
    ['idle', { usageNanos: 7, atMs: 0 }, { usageNanos: 7, atMs: 2_000 }, 0],
    ['two cores', { usageNanos: 0, atMs: 0 }, { usageNanos: 4e9, atMs: 2_000 }, 2e9],
  ])('%s', (_name, prev, cur, want) => {
    expect(cpuNanoCores(prev, cur)).toBe(want);
  });
  it('tells nothing when no time passed or the counter went backwards', () => {
    expect(cpuNanoCores({ usageNanos: 0, atMs: 5 }, { usageNanos: 10, atMs: 5 })).toBeUndefined();
    expect(cpuNanoCores({ usageNanos: 0, atMs: 5 }, { usageNanos: 10, atMs: 4 })).toBeUndefined();
    expect(cpuNanoCores({ usageNanos: 100, atMs: 0 }, { usageNanos: 10, atMs: 1_000 })).toBeUndefined();
  });
});
