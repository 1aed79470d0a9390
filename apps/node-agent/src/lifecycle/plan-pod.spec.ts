import { planPod } from './plan-pod';
import { at, exited, iso, observed, pod, running, sandbox } from './fixtures';

const types = (p: ReturnType<typeof planPod>) => p.actions.map((a) => (a.type === 'StartContainer' ? `Start ${a.kind}:${a.name}#${a.restartCount}` : a.type === 'StopContainer' ? `Stop ${a.name} ${a.reason}` : a.type === 'RemoveContainer' ? `Remove ${a.containerId}` : a.type === 'KillPod' ? `KillPod ${a.reason}` : `CreateSandbox ${a.attempt}`));

describe('planPod', () => {
  const withInit = pod({ initContainers: [{ name: 'i1', image: 'wake/busybox:1' }, { name: 'i2', image: 'wake/busybox:1' }] });

  it.each([
    { name: 'new pod: sandbox then containers in one pass', p: pod(), obs: [], now: 0, expected: ['CreateSandbox 0', 'Start app:app#0'] },
    { name: 'new pod with init: sandbox then the first init only', p: withInit, obs: [], now: 0, expected: ['CreateSandbox 0', 'Start init:i1#0'] },
    { name: 'running pod: nothing to do', p: pod(), obs: [sandbox(), observed()], now: 9, expected: [] },
    { name: 'init running: wait', p: withInit, obs: [sandbox(), observed({ name: 'i1', kind: 'init' }, withInit)], now: 1, expected: [] },
    { name: 'init 1 done: start init 2', p: withInit, obs: [sandbox(), observed({ name: 'i1', kind: 'init', state: exited(0, 0, 1) }, withInit)], now: 1, expected: ['Start init:i2#0'] },
    {
      name: 'all init done: start app', p: withInit, now: 2,
      obs: [sandbox(), observed({ name: 'i1', kind: 'init', state: exited(0, 0, 1) }, withInit), observed({ name: 'i2', kind: 'init', state: exited(0, 1, 2) }, withInit)],
      expected: ['Start app:app#0'],
    },
    { name: 'init failed, first time: restart now', p: withInit, obs: [sandbox(), observed({ name: 'i1', kind: 'init', state: exited(1, 0, 1) }, withInit)], now: 1, expected: ['Start init:i1#1'] },
    { name: 'init failed under Never: nothing more', p: { ...withInit, spec: { ...withInit.spec!, restartPolicy: 'Never' } }, obs: [sandbox(), observed({ name: 'i1', kind: 'init', state: exited(1, 0, 1) }, withInit)], now: 1, expected: [] },
    { name: 'app exited, Always, first restart immediate', p: pod(), obs: [sandbox(), observed({ state: exited(1, 0, 3) })], now: 3, expected: ['Start app:app#1'] },
    { name: 'app exited 0 under OnFailure: done', p: pod({ restartPolicy: 'OnFailure' }), obs: [sandbox(), observed({ state: exited(0, 0, 3) })], now: 3, expected: [] },
    {
      name: 'restart keeps the last exited instance (for --previous), removes older ones', p: pod(), now: 100,
      obs: [sandbox(), observed({ restartCount: 1, state: exited(1, 10, 20), backoffSeconds: 10 }), observed({ restartCount: 0, state: exited(1, 0, 5) })],
      expected: ['Remove app-0', 'Start app:app#2'],
    },
    { name: 'in back-off: nothing now', p: pod(), obs: [sandbox(), observed({ restartCount: 1, state: exited(1, 10, 20), backoffSeconds: 10 })], now: 25, expected: [] },
    { name: 'deleted pod: kill', p: pod({}, { deletionTimestamp: at(5) }), obs: [sandbox(), observed()], now: 5, expected: ['KillPod Deleted'] },
    { name: 'pod gone: kill', p: undefined, obs: [sandbox(), observed()], now: 5, expected: ['KillPod Deleted'] },
    { name: 'gone with nothing running: nothing', p: undefined, obs: [], now: 5, expected: [] },
    { name: 'bound elsewhere: kill', p: pod({ nodeName: 'n2' }), obs: [sandbox(), observed()], now: 5, expected: ['KillPod NotBoundHere'] },
    { name: 'changed spec: stop (then restart)', p: pod(), obs: [sandbox(), observed({ specHash: 'old' })], now: 5, expected: ['Stop app SpecChanged'] },
    {
      name: 'sandbox died: stop containers, remove it, new sandbox, restart containers', p: pod(), now: 5,
      obs: [sandbox({ state: exited(137, 0, 4) }), observed()],
      expected: ['Remove sb1', 'Stop app SandboxChanged', 'CreateSandbox 1', 'Start app:app#1'],
    },
    { name: 'finished Never pod whose sandbox died: nothing', p: pod({ restartPolicy: 'Never' }), obs: [sandbox({ state: exited(137, 0, 4) }), observed({ state: exited(0, 0, 3) })], now: 5, expected: ['Remove sb1'] },
    {
      name: 'adopted pod with app containers skips init', p: withInit, now: 5,
      obs: [sandbox(), observed()],
      expected: [],
    },
  ])('$name', ({ p, obs, now, expected }) => {
    expect(types(planPod(p, obs, at(now), { nodeName: 'n1' }))).toEqual(expected);
  });

  it('requeues at the end of the back-off', () => {
    const plan = planPod(pod(), [sandbox(), observed({ restartCount: 1, state: exited(1, 10, 20), backoffSeconds: 40 })], at(25));
    expect(plan.requeueAt).toEqual(at(60));
  });

  it('liveness and startup failures stop the container', () => {
    const p = pod({ containers: [{ name: 'app', image: 'wake/busybox:1', livenessProbe: { exec: { command: ['false'] } } }] });
    const c = observed({}, p);
    const probes = { app: { liveness: { kind: 'liveness' as const, containerId: c.id, result: 'Failure' as const, successes: 0, failures: 3 } } };
    expect(types(planPod(p, [sandbox(), c], at(5), { probes }))).toEqual(['Stop app LivenessProbeFailed']);
    const stale = { app: { liveness: { ...probes.app.liveness, containerId: 'older' } } };
    expect(types(planPod(p, [sandbox(), c], at(5), { probes: stale }))).toEqual([]);
  });

  it('waits out an image pull back-off, then retries', () => {
    const problems = { app: { reason: 'ErrImagePull' as const, message: 'no registry', at: iso(0), attempts: 2 } };
    expect(types(planPod(pod(), [sandbox()], at(10), { problems }))).toEqual([]);
    expect(planPod(pod(), [sandbox()], at(10), { problems }).requeueAt).toEqual(at(20));
    expect(types(planPod(pod(), [sandbox()], at(20), { problems }))).toEqual(['Start app:app#0']);
  });

  it('the new instance carries the next back-off', () => {
    const plan = planPod(pod(), [sandbox(), observed({ restartCount: 3, state: exited(1, 0, 5), backoffSeconds: 40 })], at(45));
    expect(plan.actions).toContainEqual({ type: 'StartContainer', kind: 'app', name: 'app', restartCount: 4, backoffSeconds: 80 });
  });

  it('does not restart a running container just because older instances exist', () => {
    expect(types(planPod(pod(), [sandbox(), observed({ restartCount: 1, state: running(30) }), observed({ restartCount: 0, state: exited(1, 0, 5) })], at(50)))).toEqual([]);
  });
});
