import { at, iso, pod } from '../testing/fixtures';
import { budgetsForPod, canIgnoreBudgets, checkAndDecrement, shouldPinResourceVersion, unhealthyPodMayGo } from './eviction';
import type { PodDisruptionBudget } from './types';

const now = at(600);
const budget = (status: PodDisruptionBudget['status'], extra: { generation?: number; policy?: string; selector?: unknown; namespace?: string; name?: string } = {}): PodDisruptionBudget => ({
  apiVersion: 'policy/v1', kind: 'PodDisruptionBudget',
  metadata: { name: extra.name ?? 'web', namespace: extra.namespace ?? 'default', generation: extra.generation ?? 1, resourceVersion: '40' },
  spec: {
    minAvailable: 1,
    ...('selector' in extra ? { selector: extra.selector as never } : { selector: { matchLabels: { app: 'web' } } }),
    ...(extra.policy ? { unhealthyPodEvictionPolicy: extra.policy } : {}),
  },
  status,
});
const healthy = { observedGeneration: 1, expectedPods: 2, currentHealthy: 2, desiredHealthy: 1, disruptionsAllowed: 1 };

describe('the eviction rules', () => {
  it.each<[string, Parameters<typeof pod>[0], boolean, boolean]>([
    ['running', { name: 'a' }, false, true],
    ['pending', { name: 'a', phase: 'Pending' }, true, true],
    ['succeeded', { name: 'a', phase: 'Succeeded' }, true, false],
    ['failed', { name: 'a', phase: 'Failed' }, true, false],
    ['being deleted', { name: 'a', deleting: true }, true, false],
  ])('a %s pod: budgets ignored %s, deleted only as read %s', (_name, o, ignore, pin) => {
    expect(canIgnoreBudgets(pod(o))).toBe(ignore);
    expect(shouldPinResourceVersion(pod(o))).toBe(pin);
  });

  it('finds the budgets of the pod\'s namespace that select it', () => {
    const budgets = [
      budget(healthy),
      budget(healthy, { name: 'other-ns', namespace: 'other' }),
      budget(healthy, { name: 'db', selector: { matchLabels: { app: 'db' } } }),
      budget(healthy, { name: 'nil' , selector: undefined }),
      budget(healthy, { name: 'all', selector: {} }),
    ];
    expect(budgetsForPod(pod({ name: 'a' }), budgets).map((b) => b.metadata?.name)).toEqual(['web', 'all']);
  });

  it.each<[string, boolean, PodDisruptionBudget, boolean]>([
    ['a Ready pod always uses the budget', true, budget({ ...healthy, currentHealthy: 5 }), false],
    ['an unready pod goes while the budget is met (IfHealthyBudget, the default)', false, budget({ ...healthy, currentHealthy: 1, desiredHealthy: 1 }), true],
    ['an unready pod does not go while the application is disrupted', false, budget({ ...healthy, currentHealthy: 0, desiredHealthy: 1 }), false],
    ['an unready pod does not go when nothing is desired', false, budget({ ...healthy, currentHealthy: 0, desiredHealthy: 0 }), false],
    ['an unready pod always goes under AlwaysAllow', false, budget({ ...healthy, currentHealthy: 0, desiredHealthy: 1 }, { policy: 'AlwaysAllow' }), true],
    ['explicit IfHealthyBudget', false, budget({ ...healthy, currentHealthy: 0, desiredHealthy: 1 }, { policy: 'IfHealthyBudget' }), false],
  ])('%s', (_name, ready, pdb, expected) => {
    expect(unhealthyPodMayGo(pod({ name: 'a', ready }), pdb)).toBe(expected);
  });

  describe('checkAndDecrement', () => {
    it('takes one disruption, records the pod, and turns the condition False on the last one', () => {
      const r = checkAndDecrement(budget({ ...healthy, conditions: [{ type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods', message: '', lastTransitionTime: iso(0) }] }), 'a', now);
      expect(r).toEqual({
        type: 'allowed',
        status: {
          ...healthy, disruptionsAllowed: 0, disruptedPods: { a: iso(600) },
          conditions: [{ type: 'DisruptionAllowed', status: 'False', reason: 'InsufficientPods', message: '', observedGeneration: 1, lastTransitionTime: iso(600) }],
        },
      });
    });

    it('keeps the condition while disruptions remain', () => {
      const r = checkAndDecrement(budget({ ...healthy, disruptionsAllowed: 2, disruptedPods: { b: iso(500) } as never }), 'a', now);
      expect(r).toEqual({ type: 'allowed', status: { ...healthy, disruptionsAllowed: 1, disruptedPods: { b: iso(500), a: iso(600) } } });
    });

    it.each<[string, PodDisruptionBudget, unknown]>([
      ['no disruption allowed: 429 naming the budget\'s counts', budget({ ...healthy, currentHealthy: 2, desiredHealthy: 2, disruptionsAllowed: 0 }),
        { type: 'tooManyRequests', cause: 'The disruption budget web needs 2 healthy pods and has 2 currently', retryAfterSeconds: 0 }],
      ['a status not yet observed at the generation: 429, still being processed', budget(healthy, { generation: 2 }),
        { type: 'tooManyRequests', cause: 'The disruption budget web is still being processed by the server.', retryAfterSeconds: 10 }],
      ['no status at all (a new budget)', budget(undefined),
        { type: 'tooManyRequests', cause: 'The disruption budget web is still being processed by the server.', retryAfterSeconds: 10 }],
      ['a negative count: 403', budget({ ...healthy, disruptionsAllowed: -1 }), { type: 'forbidden', message: 'pdb disruptions allowed is negative' }],
    ])('%s', (_name, pdb, expected) => {
      expect(checkAndDecrement(pdb, 'a', now)).toEqual(expected);
    });
  });
});
