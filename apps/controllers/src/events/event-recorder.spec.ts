import { MemoryEventLog, type KubeObject } from '@wake/events';
import { ObjectStore } from '@wake/store';
import { EventRecorder } from './event-recorder';
import type { EventReport } from './core-event';

it('aggregates repeats into one Event (count, lastTimestamp) and keeps different messages apart', async () => {
  const log = new MemoryEventLog();
  const store = new ObjectStore(log);
  await store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }, { actor: { type: 'user', name: 'a' } });
  let t = Date.parse('2025-01-01T00:00:00Z');
  const recorder = new EventRecorder(store, { type: 'component', name: 'controllers' }, { concurrency: 4, now: () => new Date((t += 1000)) });
  const report = (message: string): EventReport => ({
    eventType: 'Normal', reason: 'NodeNotReady', message, component: 'node-controller', involvedObject: { apiVersion: 'v1', kind: 'Node', name: 'n1', uid: 'u' },
  });
  for (let i = 0; i < 3; i++) recorder.record(report('Node n1 status is now: NodeNotReady'));
  recorder.record(report('something else'));
  await recorder.flush();
  const events: KubeObject[] = [];
  for await (const e of log.read({ filter: { kind: 'Event' } })) events.push(e.object);
  const latest = new Map(events.map((e) => [e.metadata.name, e]));
  const byMessage = [...latest.values()].map((e) => [e.message, e.count]).sort();
  expect(byMessage).toEqual([['Node n1 status is now: NodeNotReady', 3], ['something else', 1]]);
  const repeated = [...latest.values()].find((e) => e.count === 3)!;
  expect(repeated.metadata.namespace).toBe('default');
  expect(repeated.firstTimestamp).not.toBe(repeated.lastTimestamp);
});
