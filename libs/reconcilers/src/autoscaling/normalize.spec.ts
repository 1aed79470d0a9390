import { normalizeDesiredReplicas, rememberScale, scaleDownLimit, scaleUpLimit, type NormalizeInput } from './normalize';
import { EMPTY_MEMORY, type AutoscalerMemory, type ScalingRules } from './types';

const T = 1_000_000;
const base: NormalizeInput = { currentReplicas: 2, desiredReplicas: 2, minReplicas: 1, maxReplicas: 10, downscaleStabilizationSeconds: 300 };
const recs = (...r: [number, number][]): AutoscalerMemory => ({ ...EMPTY_MEMORY, recommendations: r.map(([replicas, secondsAgo]) => ({ replicas, at: T - secondsAgo * 1000 })) });

describe('normalizeDesiredReplicas without a behavior (convertDesiredReplicasWithRules)', () => {
  it.each<[string, Partial<NormalizeInput>, AutoscalerMemory, number, string, string]>([
    ['within range', { desiredReplicas: 3 }, EMPTY_MEMORY, 3, 'False', 'DesiredWithinRange'],
    ['clamped to maxReplicas', { desiredReplicas: 20, currentReplicas: 5, maxReplicas: 8 }, EMPTY_MEMORY, 8, 'True', 'TooManyReplicas'],
    ['clamped to minReplicas', { desiredReplicas: 1, currentReplicas: 3, minReplicas: 2 }, EMPTY_MEMORY, 2, 'True', 'TooFewReplicas'],
    ['at most max(2 × current, 4): 1 → 4', { desiredReplicas: 9, currentReplicas: 1 }, EMPTY_MEMORY, 4, 'True', 'ScaleUpLimit'],
    ['at most max(2 × current, 4): 3 → 6', { desiredReplicas: 9, currentReplicas: 3 }, EMPTY_MEMORY, 6, 'True', 'ScaleUpLimit'],
    ['a scale down waits for the highest recommendation of the window', { desiredReplicas: 1, currentReplicas: 4 }, recs([4, 200], [3, 100]), 4, 'False', 'DesiredWithinRange'],
    ['recommendations older than the window do not hold it', { desiredReplicas: 1, currentReplicas: 4 }, recs([4, 400], [2, 100]), 2, 'False', 'DesiredWithinRange'],
  ])('%s', (_n, input, memory, replicas, limited, reason) => {
    const r = normalizeDesiredReplicas({ ...base, ...input }, memory, T);
    expect(r.replicas).toBe(replicas);
    expect(r.limited).toMatchObject({ status: limited, reason });
  });

  it('says when stabilization held a scale down, and records the recommendation (reusing an expired slot)', () => {
    const r = normalizeDesiredReplicas({ ...base, desiredReplicas: 1, currentReplicas: 4 }, recs([2, 400], [4, 10]), T);
    expect(r.stabilized.reason).toBe('ScaleDownStabilized');
    expect(r.memory.recommendations).toEqual([{ replicas: 1, at: T }, { replicas: 4, at: T - 10_000 }]);
    expect(normalizeDesiredReplicas({ ...base, desiredReplicas: 3 }, EMPTY_MEMORY, T).stabilized.reason).toBe('ReadyForNewScale');
  });
});

const up: ScalingRules = { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] };
const down: ScalingRules = { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] };

describe('normalizeDesiredReplicas with a behavior (stabilizeRecommendationWithBehaviors, convertDesiredReplicasWithBehaviorRate)', () => {
  it('scales up by the larger of +4 pods and +100% per 15 s by default', () => {
    expect(normalizeDesiredReplicas({ ...base, currentReplicas: 10, desiredReplicas: 50, maxReplicas: 100, behavior: { scaleUp: up, scaleDown: down } }, EMPTY_MEMORY, T))
      .toMatchObject({ replicas: 20, limited: { status: 'True', reason: 'ScaleUpLimit' } });
    expect(normalizeDesiredReplicas({ ...base, currentReplicas: 1, desiredReplicas: 50, maxReplicas: 100, behavior: { scaleUp: up, scaleDown: down } }, EMPTY_MEMORY, T))
      .toMatchObject({ replicas: 5 });
  });

  it('counts the changes made within the period: after +4 of 4 → 8 in the last 15 s, only 12 more (start 4: max(4+4, 8)) — none', () => {
    const memory = { ...EMPTY_MEMORY, scaleUps: [{ change: 4, at: T - 5_000 }] };
    expect(scaleUpLimit(8, memory, up, T)).toBe(8);
    expect(scaleUpLimit(8, { ...memory, scaleUps: [{ change: 4, at: T - 20_000 }] }, up, T)).toBe(16);
  });

  it('Min selects the smaller change, Disabled none', () => {
    expect(scaleUpLimit(10, EMPTY_MEMORY, { ...up, selectPolicy: 'Min' }, T)).toBe(14);
    expect(scaleUpLimit(10, EMPTY_MEMORY, { ...up, selectPolicy: 'Disabled' }, T)).toBe(10);
    expect(scaleDownLimit(10, EMPTY_MEMORY, { selectPolicy: 'Max', policies: [{ type: 'Pods', value: 2, periodSeconds: 60 }, { type: 'Percent', value: 50, periodSeconds: 60 }] }, T)).toBe(5);
    expect(scaleDownLimit(10, EMPTY_MEMORY, { selectPolicy: 'Min', policies: [{ type: 'Pods', value: 2, periodSeconds: 60 }, { type: 'Percent', value: 50, periodSeconds: 60 }] }, T)).toBe(8);
  });

  it('a scale down limited by its policy says ScaleDownLimit; the window defaults to the controller setting when unset', () => {
    const slow: ScalingRules = { selectPolicy: 'Max', policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] };
    const r = normalizeDesiredReplicas({ ...base, currentReplicas: 5, desiredReplicas: 1, behavior: { scaleUp: up, scaleDown: slow } }, EMPTY_MEMORY, T);
    expect(r).toMatchObject({ replicas: 4, limited: { status: 'True', reason: 'ScaleDownLimit' } });
    const held = normalizeDesiredReplicas({ ...base, currentReplicas: 5, desiredReplicas: 1, behavior: { scaleUp: up, scaleDown: slow } }, recs([5, 100]), T);
    expect(held).toMatchObject({ replicas: 5, stabilized: { reason: 'ScaleDownStabilized' } });
  });

  it('a scale-up window takes the lowest recent recommendation', () => {
    const slowUp = { ...up, stabilizationWindowSeconds: 60 };
    const r = normalizeDesiredReplicas({ ...base, currentReplicas: 2, desiredReplicas: 6, behavior: { scaleUp: slowUp, scaleDown: down } }, recs([3, 30]), T);
    expect(r).toMatchObject({ replicas: 3, stabilized: { reason: 'ScaleUpStabilized' } });
  });
});

describe('rememberScale', () => {
  it('remembers changes only with a behavior, and forgets those older than the longest period', () => {
    expect(rememberScale(EMPTY_MEMORY, undefined, 1, 3, T)).toBe(EMPTY_MEMORY);
    const m = rememberScale({ ...EMPTY_MEMORY, scaleUps: [{ change: 1, at: T - 60_000 }] }, { scaleUp: up, scaleDown: down }, 1, 3, T);
    expect(m.scaleUps).toEqual([{ change: 2, at: T }]);
    expect(rememberScale(EMPTY_MEMORY, { scaleUp: up, scaleDown: down }, 3, 1, T).scaleDowns).toEqual([{ change: 2, at: T }]);
  });
});
