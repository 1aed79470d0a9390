import { podPrinter } from './print-pod';

const now = new Date('2025-01-01T01:00:00Z');
const base = { metadata: { name: 'p', creationTimestamp: '2025-01-01T00:55:00Z' }, spec: { containers: [{ name: 'a' }, { name: 'b' }] } };
const running = (ready = true) => ({ state: { running: { startedAt: '2025-01-01T00:56:00Z' } }, ready, restartCount: 0 });
type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const pod = (status: Obj, extra: Obj = {}) => ({ ...base, ...extra, status });

describe('pod rows (READY, STATUS, RESTARTS)', () => {
  it.each<[string, Obj, [string, string, string]]>([
    ['pending, nothing reported', pod({ phase: 'Pending' }), ['0/2', 'Pending', '0']],
    ['running and ready', pod({ phase: 'Running', containerStatuses: [{ name: 'a', ...running() }, { name: 'b', ...running() }] }), ['2/2', 'Running', '0']],
    ['one not ready', pod({ phase: 'Running', containerStatuses: [{ name: 'a', ...running() }, { name: 'b', ...running(false) }] }), ['1/2', 'Running', '0']],
    ['CrashLoopBackOff with restarts and when', pod({ phase: 'Running', containerStatuses: [
      { name: 'a', ...running() },
      { name: 'b', ready: false, restartCount: 5, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, finishedAt: '2025-01-01T00:55:00Z' } } },
    ] }), ['1/2', 'CrashLoopBackOff', '5 (5m ago)']],
    ['completed', pod({ phase: 'Succeeded', containerStatuses: [
      { name: 'a', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
      { name: 'b', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
    ] }), ['0/2', 'Completed', '0']],
    ['terminated without a reason', pod({ phase: 'Failed', containerStatuses: [{ name: 'a', ready: false, restartCount: 0, state: { terminated: { exitCode: 137 } } }] }), ['0/2', 'ExitCode:137', '0']],
    ['killed by a signal', pod({ phase: 'Failed', containerStatuses: [{ name: 'a', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, signal: 9 } } }] }), ['0/2', 'Signal:9', '0']],
    ['completed but one still running is Running when Ready', pod({ phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [
      { name: 'a', ...running() }, { name: 'b', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
    ] }), ['1/2', 'Running', '0']],
    ['… and NotReady otherwise', pod({ phase: 'Running', containerStatuses: [
      { name: 'a', ...running() }, { name: 'b', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
    ] }), ['1/2', 'NotReady', '0']],
    ['Terminating when deletionTimestamp is set', pod({ phase: 'Running', containerStatuses: [{ name: 'a', ...running() }, { name: 'b', ...running() }] },
      { metadata: { ...base.metadata, deletionTimestamp: '2025-01-01T00:59:00Z' } }), ['2/2', 'Terminating', '0']],
    ['a deleted completed pod keeps Completed', pod({ phase: 'Succeeded', containerStatuses: [{ name: 'a', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }] },
      { metadata: { ...base.metadata, deletionTimestamp: '2025-01-01T00:59:00Z' } }), ['0/2', 'Completed', '0']],
    ['NodeLost while deleting is Unknown', pod({ phase: 'Running', reason: 'NodeLost' }, { metadata: { ...base.metadata, deletionTimestamp: '2025-01-01T00:59:00Z' } }), ['0/2', 'Unknown', '0']],
    ['status.reason wins over phase', pod({ phase: 'Failed', reason: 'Evicted' }), ['0/2', 'Evicted', '0']],
    ['scheduling gated', pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }), ['0/2', 'SchedulingGated', '0']],
    ['Init:0/1 while the init container runs', pod({ phase: 'Pending', initContainerStatuses: [{ name: 'i', ready: false, restartCount: 0, state: { running: {} } }] },
      { spec: { ...base.spec, initContainers: [{ name: 'i' }] } }), ['0/2', 'Init:0/1', '0']],
    ['Init:1/2 after the first init container', pod({ phase: 'Pending', initContainerStatuses: [
      { name: 'i', ready: false, restartCount: 0, state: { terminated: { exitCode: 0 } } }, { name: 'j', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } },
    ] }, { spec: { ...base.spec, initContainers: [{ name: 'i' }, { name: 'j' }] } }), ['0/2', 'Init:1/2', '0']],
    ['Init:CrashLoopBackOff counts init restarts', pod({ phase: 'Pending', initContainerStatuses: [
      { name: 'i', ready: false, restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, finishedAt: '2025-01-01T00:59:30Z' } } },
    ] }, { spec: { ...base.spec, initContainers: [{ name: 'i' }] } }), ['0/2', 'Init:CrashLoopBackOff', '3 (30s ago)']],
    ['Init:Error when an init container failed', pod({ phase: 'Pending', initContainerStatuses: [{ name: 'i', ready: false, restartCount: 0, state: { terminated: { exitCode: 1, reason: 'Error' } } }] },
      { spec: { ...base.spec, initContainers: [{ name: 'i' }] } }), ['0/2', 'Init:Error', '0']],
    ['a started sidecar counts as a container', pod({ phase: 'Running', conditions: [{ type: 'Initialized', status: 'True' }],
      initContainerStatuses: [{ name: 's', ready: true, started: true, restartCount: 1, state: { running: {} } }],
      containerStatuses: [{ name: 'a', ...running() }, { name: 'b', ...running() }] },
    { spec: { ...base.spec, initContainers: [{ name: 's', restartPolicy: 'Always' }] } }), ['3/3', 'Running', '1']],
  ])('%s', (_n, p, [ready, status, restarts]) => {
    const cells = podPrinter.cells(p, now);
    expect(cells.slice(1, 4)).toEqual([ready, status, restarts]);
    expect(cells[4]).toBe('5m');
  });

  it('wide cells: IP, node, nominated node, readiness gates', () => {
    const p = pod({ phase: 'Running', podIPs: [{ ip: '10.0.0.9' }], conditions: [{ type: 'g1', status: 'True' }] },
      { spec: { ...base.spec, nodeName: 'node-1', readinessGates: [{ conditionType: 'g1' }, { conditionType: 'g2' }] } });
    expect(podPrinter.cells(p, now).slice(5)).toEqual(['10.0.0.9', 'node-1', '<none>', '1/2']);
    expect(podPrinter.cells(base, now).slice(5)).toEqual(['<none>', '<none>', '<none>', '<none>']);
  });

  it('marks finished pods with a Completed row condition', () => {
    expect(podPrinter.conditions!(pod({ phase: 'Succeeded' }))).toEqual([{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }]);
    expect(podPrinter.conditions!(pod({ phase: 'Running' }))).toBeUndefined();
  });
});
