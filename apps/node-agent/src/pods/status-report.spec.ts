import { statusChanged, wireStatus } from './status-report';

it('puts times on the wire in whole seconds and drops undefined fields', () => {
  const s = wireStatus({ phase: 'Running', startTime: new Date('2026-01-01T00:00:01.734Z'), podIP: undefined, containerStatuses: [{ name: 'c', image: 'i', imageID: '', ready: true, restartCount: 0, state: { running: { startedAt: '2026-01-01T00:00:02.123456789Z' as unknown as Date } } }] });
  expect(s).toEqual({ phase: 'Running', startTime: '2026-01-01T00:00:01Z', containerStatuses: [{ name: 'c', image: 'i', imageID: '', ready: true, restartCount: 0, state: { running: { startedAt: '2026-01-01T00:00:02Z' } } }] });
});

it('sees a change only when something other than key order or sub-second precision changed', () => {
  const next = wireStatus({ phase: 'Running', hostIP: '127.0.0.2', startTime: new Date('2026-01-01T00:00:01.5Z') });
  expect(statusChanged({ startTime: '2026-01-01T00:00:01Z', hostIP: '127.0.0.2', phase: 'Running' }, next)).toBe(false);
  expect(statusChanged({ startTime: '2026-01-01T00:00:01Z', hostIP: '127.0.0.2', phase: 'Pending' }, next)).toBe(true);
  expect(statusChanged(undefined, next)).toBe(true);
});
