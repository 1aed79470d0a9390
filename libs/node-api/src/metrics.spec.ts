import { formatGoDuration, podUsageIn, type MetricsSnapshot } from './metrics';

describe('formatGoDuration', () => {
  it.each([
    [0, '0s'], [0.5, '500ms'], [15, '15s'], [2.005, '2.005s'], [60, '1m0s'], [90.5, '1m30.5s'], [3725, '1h2m5s'],
  ])('%d s → %s', (s, want) => expect(formatGoDuration(s)).toBe(want));
});

describe('podUsageIn', () => {
  const snap: MetricsSnapshot = {
    node: 'n1', timestamp: '2026-01-01T00:00:10Z', windowSeconds: 2,
    pods: [{ namespace: 'default', name: 'a', uid: 'u-a', containers: [] }, { namespace: 'other', name: 'a', uid: 'u-b', containers: [] }],
  };
  it('matches namespace, name and uid; a recreated pod of the same name is another pod', () => {
    expect(podUsageIn(snap, { namespace: 'default', name: 'a', uid: 'u-a' })?.uid).toBe('u-a');
    expect(podUsageIn(snap, { name: 'a', uid: 'u-a' })?.uid).toBe('u-a');
    expect(podUsageIn(snap, { namespace: 'default', name: 'a', uid: 'u-new' })).toBeUndefined();
    expect(podUsageIn(snap, { namespace: 'other', name: 'a', uid: 'u-a' })).toBeUndefined();
    expect(podUsageIn(undefined, { namespace: 'default', name: 'a', uid: 'u-a' })).toBeUndefined();
  });
});
