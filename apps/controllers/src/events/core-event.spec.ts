import { aggregationKey, newCoreEvent, repeatedCoreEvent, type EventReport } from './core-event';

const report = (o: Partial<EventReport> = {}): EventReport => ({
  eventType: 'Normal', reason: 'SuccessfulCreate', message: 'Created pod: web-abc', component: 'replicaset-controller',
  involvedObject: { apiVersion: 'apps/v1', kind: 'ReplicaSet', namespace: 'default', name: 'web-1', uid: 'u1' }, ...o,
});
const now = new Date('2025-03-01T10:00:00.250Z');

it('builds a core/v1 Event the way kubectl describe reads it', () => {
  const e = newCoreEvent(report(), now, 7);
  expect(e).toMatchObject({
    apiVersion: 'v1', kind: 'Event',
    metadata: { namespace: 'default' },
    involvedObject: { kind: 'ReplicaSet', namespace: 'default', name: 'web-1', uid: 'u1', apiVersion: 'apps/v1' },
    reason: 'SuccessfulCreate', message: 'Created pod: web-abc', type: 'Normal',
    source: { component: 'replicaset-controller' }, count: 1,
    firstTimestamp: '2025-03-01T10:00:00Z', lastTimestamp: '2025-03-01T10:00:00Z',
  });
  expect(e.metadata.name).toMatch(/^web-1\.[0-9a-f]+$/);
  expect(newCoreEvent(report(), now, 8).metadata.name).not.toBe(e.metadata.name);
});

it('puts events of cluster-scoped objects in default', () => {
  const e = newCoreEvent(report({ involvedObject: { apiVersion: 'v1', kind: 'Node', name: 'n1' } }), now, 0);
  expect(e.metadata.namespace).toBe('default');
  expect(e.involvedObject).toEqual({ apiVersion: 'v1', kind: 'Node', name: 'n1' });
});

it('aggregates exact repeats only', () => {
  expect(aggregationKey(report())).toBe(aggregationKey(report()));
  expect(aggregationKey(report())).not.toBe(aggregationKey(report({ message: 'Created pod: web-def' })));
  const again = repeatedCoreEvent({ ...newCoreEvent(report(), now, 0), count: 2 }, new Date('2025-03-01T10:05:00Z'));
  expect(again).toMatchObject({ count: 3, firstTimestamp: '2025-03-01T10:00:00Z', lastTimestamp: '2025-03-01T10:05:00Z' });
});
