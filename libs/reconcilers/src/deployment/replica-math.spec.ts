import type { Deployment } from '../common/wire';
import { maxSurge, maxUnavailable, resolveFenceposts } from './replica-math';

const dep = (replicas: number, maxSurge?: number | string, maxUnavailable?: number | string, type = 'RollingUpdate'): Deployment => ({
  spec: { replicas, selector: {}, template: {}, strategy: { type, rollingUpdate: { maxSurge, maxUnavailable } } },
});

describe('fenceposts', () => {
  it.each([
    [10, undefined, undefined, 3, 2],
    [4, '25%', '25%', 1, 1],
    [3, '25%', '25%', 1, 0],
    [1, '0%', '0%', 0, 1],
    [5, 2, '50%', 2, 2],
    [10, '33%', '33%', 4, 3],
  ])('replicas %p surge %p unavailable %p → %p/%p', (r, s, u, wantS, wantU) => {
    expect(resolveFenceposts(dep(r, s, u))).toEqual({ surge: wantS, unavailable: wantU });
  });

  it('maxUnavailable is capped at replicas and zero for Recreate / zero replicas', () => {
    expect(maxUnavailable(dep(2, 0, 5))).toBe(2);
    expect(maxUnavailable(dep(0, 0, 5))).toBe(0);
    expect(maxUnavailable(dep(4, 1, 1, 'Recreate'))).toBe(0);
    expect(maxSurge(dep(4, 1, 1, 'Recreate'))).toBe(0);
  });
});
