import { workingSetBytes } from './working-set';

describe('workingSetBytes', () => {
  it('subtracts inactive file pages: cgroup v2', () => {
    expect(workingSetBytes({ usage: 10_000_000, stats: { inactive_file: 4_000_000, active_file: 1 } })).toBe(6_000_000);
  });
  it('uses the hierarchical counter on cgroup v1', () => {
    expect(workingSetBytes({ usage: 10_000_000, stats: { inactive_file: 1_000, total_inactive_file: 3_000_000 } })).toBe(7_000_000);
  });
  it('never goes below zero, and tells nothing without usage', () => {
    expect(workingSetBytes({ usage: 100, stats: { inactive_file: 200 } })).toBe(0);
    expect(workingSetBytes({ usage: 4096 })).toBe(4096);
    expect(workingSetBytes({})).toBeUndefined();
    expect(workingSetBytes(undefined)).toBeUndefined();
  });
});
