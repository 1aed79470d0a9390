import { nextBackoffSeconds, pullBackoffSeconds, restartDelaySeconds } from './backoff';
import { restartDecision, shouldRestart, type RestartPolicy } from './restart';
import { at, exited, observed, running } from './fixtures';

describe('crash back-off', () => {
  it('runs 0 (immediate), 10, 20, 40, 80, 160, 300, 300', () => {
    const delays: number[] = [];
    let label = 0;
    for (let i = 0; i < 8; i++) {
      const d = restartDelaySeconds(label, 1);
      delays.push(d);
      label = nextBackoffSeconds(d);
    }
    expect(delays).toEqual([0, 10, 20, 40, 80, 160, 300, 300]);
  });

  it.each([
    [300, 599, 300],
    [300, 600, 0],
    [40, 3600, 0],
  ])('back-off %ss after running %ss → delay %ss (reset after 10 minutes of running)', (label, ran, delay) => {
    expect(restartDelaySeconds(label, ran)).toBe(delay);
  });

  it.each([[0, 0], [1, 10], [2, 20], [3, 40], [6, 300], [9, 300]])('pull back-off after %i failures is %is', (n, s) => {
    expect(pullBackoffSeconds(n)).toBe(s);
  });
});

describe('restart policy', () => {
  it.each<[RestartPolicy, number, boolean]>([
    ['Always', 0, true], ['Always', 1, true],
    ['OnFailure', 0, false], ['OnFailure', 137, true],
    ['Never', 0, false], ['Never', 1, false],
  ])('%s with exit %i → restart %s', (policy, code, expected) => {
    expect(shouldRestart(policy, code)).toBe(expected);
  });

  it.each([
    { name: 'running: keep', state: running(), backoff: 0, now: 100, expected: { type: 'Keep' } },
    { name: 'first exit: restart now, next carries 10s', state: exited(1, 0, 5), backoff: 0, now: 5, expected: { type: 'RestartNow', backoffSeconds: 10 } },
    { name: 'in back-off', state: exited(1, 0, 5), backoff: 20, now: 10, expected: { type: 'BackOff', until: at(25), delaySeconds: 20 } },
    { name: 'back-off over', state: exited(1, 0, 5), backoff: 20, now: 25, expected: { type: 'RestartNow', backoffSeconds: 40 } },
    { name: 'capped', state: exited(1, 0, 5), backoff: 300, now: 305, expected: { type: 'RestartNow', backoffSeconds: 300 } },
    { name: 'ran 10 minutes: reset', state: exited(1, 0, 700), backoff: 300, now: 700, expected: { type: 'RestartNow', backoffSeconds: 10 } },
  ])('Always: $name', ({ state, backoff, now, expected }) => {
    expect(restartDecision('Always', observed({ state, backoffSeconds: backoff }), at(now))).toEqual(expected);
  });

  it('a container that failed to start backs off from its creation time', () => {
    const c = observed({ state: { status: 'created', running: false, exitCode: 127, oomKilled: false, error: 'exec: "nope": not found' }, backoffSeconds: 10 });
    expect(restartDecision('Always', c, at(3))).toEqual({ type: 'BackOff', until: at(10), delaySeconds: 10 });
  });
});
