import { podPhase, podStatus } from './pod-status';
import { at, exited, iso, observed, pod, running, sandbox } from './fixtures';

const ctx = { hostIP: '127.0.0.2' };
const cond = (s: ReturnType<typeof podStatus>) => Object.fromEntries((s.conditions ?? []).map((c) => [c.type, c.status]));

describe('podStatus', () => {
  it('a running pod: Running, ready, IPs, ids', () => {
    const s = podStatus(pod(), [sandbox(), observed({ state: running(1) })], {}, at(5), ctx);
    expect(s.phase).toBe('Running');
    expect(cond(s)).toEqual({ PodScheduled: 'True', Initialized: 'True', ContainersReady: 'True', Ready: 'True' });
    expect(s.podIP).toBe('172.17.0.9');
    expect(s.hostIP).toBe('127.0.0.2');
    expect(s.containerStatuses![0]).toMatchObject({
      name: 'app', ready: true, started: true, restartCount: 0, image: 'wake/busybox:1', imageID: 'docker://sha256:abc',
      containerID: 'docker://app-0', state: { running: { startedAt: at(1) } },
    });
  });

  it('nothing yet: Pending, ContainerCreating', () => {
    const s = podStatus(pod(), [], {}, at(0), ctx);
    expect(s.phase).toBe('Pending');
    expect(s.containerStatuses![0].state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    expect(cond(s).Ready).toBe('False');
  });

  it('readiness probe failing: Ready=False, phase Running', () => {
    const p = pod({ containers: [{ name: 'app', image: 'wake/busybox:1', readinessProbe: { exec: { command: ['false'] } } }] });
    const s = podStatus(p, [sandbox(), observed({}, p)], {}, at(5), ctx);
    expect(s.phase).toBe('Running');
    expect(cond(s)).toMatchObject({ ContainersReady: 'False', Ready: 'False' });
    expect(s.conditions!.find((c) => c.type === 'Ready')!.reason).toBe('ContainersNotReady');
    const ready = { app: { readiness: { kind: 'readiness' as const, containerId: 'app-0', result: 'Success' as const, successes: 1, failures: 0 } } };
    expect(cond(podStatus(p, [sandbox(), observed({}, p)], ready, at(5), ctx)).Ready).toBe('True');
  });

  it('crash loop: waiting CrashLoopBackOff, lastState with the exit code', () => {
    const s = podStatus(pod(), [sandbox(), observed({ restartCount: 2, state: exited(1, 10, 12), backoffSeconds: 20 })], {}, at(15), ctx);
    expect(s.phase).toBe('Running');
    const cs = s.containerStatuses![0];
    expect(cs.restartCount).toBe(2);
    expect(cs.state!.waiting!.reason).toBe('CrashLoopBackOff');
    expect(cs.state!.waiting!.message).toContain('back-off 20s');
    expect(cs.lastState!.terminated).toMatchObject({ exitCode: 1, reason: 'Error', finishedAt: at(12) });
  });

  it('restarted: running with lastState from the previous instance', () => {
    const s = podStatus(pod(), [sandbox(), observed({ restartCount: 1, state: running(20) }), observed({ restartCount: 0, state: exited(137, 0, 10, true) })], {}, at(25), ctx);
    const cs = s.containerStatuses![0];
    expect(cs.state!.running).toBeDefined();
    expect(cs.lastState!.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled', signal: 9, containerID: 'docker://app-0' });
  });

  it.each([
    { policy: 'Never', code: 0, phase: 'Succeeded', reason: 'Completed' },
    { policy: 'Never', code: 1, phase: 'Failed', reason: 'Error' },
    { policy: 'OnFailure', code: 0, phase: 'Succeeded', reason: 'Completed' },
  ])('$policy with exit $code → $phase', ({ policy, code, phase, reason }) => {
    const s = podStatus(pod({ restartPolicy: policy }), [sandbox(), observed({ state: exited(code, 0, 3) })], {}, at(5), ctx);
    expect(s.phase).toBe(phase);
    expect(s.containerStatuses![0].state!.terminated!.reason).toBe(reason);
    expect(s.conditions!.find((c) => c.type === 'Ready')!.reason).toBe('PodCompleted');
  });

  it('init containers: Pending and PodInitializing until they succeed', () => {
    const p = pod({ initContainers: [{ name: 'init', image: 'wake/busybox:1' }] });
    const s = podStatus(p, [sandbox(), observed({ name: 'init', kind: 'init' }, p)], {}, at(2), ctx);
    expect(s.phase).toBe('Pending');
    expect(cond(s).Initialized).toBe('False');
    expect(s.containerStatuses![0].state).toEqual({ waiting: { reason: 'PodInitializing' } });
    const done = podStatus(p, [sandbox(), observed({ name: 'init', kind: 'init', state: exited(0, 0, 1) }, p), observed({}, p)], {}, at(2), ctx);
    expect(cond(done).Initialized).toBe('True');
    expect(done.initContainerStatuses![0].state!.terminated!.reason).toBe('Completed');
  });

  it('init failure under Never fails the pod', () => {
    const p = pod({ restartPolicy: 'Never', initContainers: [{ name: 'init', image: 'wake/busybox:1' }] });
    expect(podStatus(p, [sandbox(), observed({ name: 'init', kind: 'init', state: exited(2, 0, 1) }, p)], {}, at(2), ctx).phase).toBe('Failed');
  });

  it('image pull failures: ErrImagePull then ImagePullBackOff, with the registry message', () => {
    const first = { app: { reason: 'ErrImagePull' as const, message: 'connection refused', at: iso(0), attempts: 1 } };
    const s1 = podStatus(pod(), [sandbox()], {}, at(1), { ...ctx, problems: first });
    expect(s1.containerStatuses![0].state!.waiting).toEqual({ reason: 'ErrImagePull', message: 'connection refused' });
    expect(s1.phase).toBe('Pending');
    const s2 = podStatus(pod(), [sandbox()], {}, at(1), { ...ctx, problems: { app: { ...first.app, attempts: 2 } } });
    expect(s2.containerStatuses![0].state!.waiting!.reason).toBe('ImagePullBackOff');
    expect(s2.containerStatuses![0].state!.waiting!.message).toContain('connection refused');
  });

  it('keeps lastTransitionTime of unchanged conditions and the first startTime', () => {
    const first = podStatus(pod(), [sandbox(), observed()], {}, at(5), ctx);
    const again = podStatus({ ...pod(), status: JSON.parse(JSON.stringify(first)) }, [sandbox(), observed()], {}, at(50), ctx);
    expect(again.conditions!.map((c) => new Date(c.lastTransitionTime!).toISOString())).toEqual(first.conditions!.map(() => iso(5)));
    expect(new Date(again.startTime!).toISOString()).toBe(new Date(first.startTime!).toISOString());
  });

  it.each([
    { policy: 'Always', statuses: [{ state: { terminated: { exitCode: 0 } } }], phase: 'Running' },
    { policy: 'OnFailure', statuses: [{ state: { terminated: { exitCode: 1 } } }], phase: 'Running' },
    { policy: 'Never', statuses: [{ state: { running: {} } }, { state: { terminated: { exitCode: 1 } } }], phase: 'Running' },
    { policy: 'Never', statuses: [{ state: { waiting: {} } }, { state: { running: {} } }], phase: 'Pending' },
    { policy: 'Always', statuses: [{ state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1 } } }], phase: 'Running' },
  ] as const)('podPhase $policy → $phase', ({ policy, statuses, phase }) => {
    expect(podPhase(policy, true, false, statuses as never)).toBe(phase);
  });
});
