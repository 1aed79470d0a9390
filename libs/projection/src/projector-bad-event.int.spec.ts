import type { NatsConnection } from 'nats';
import { DEFAULT_STREAM, JetStreamEventLog, subjectFor } from '@wake/events';
import { runMixedWorkload } from '@wake/testing';
import type { PrismaClient } from './prisma';
import { ProjectionStore } from './projection-store';
import { Projector } from './projector';
import { LogAndProjection } from './testing/log-and-projection';

let f: LogAndProjection;
let nc: NatsConnection;
let prisma: PrismaClient;
const stream = { ...DEFAULT_STREAM, name: 'WAKE_PROJECTOR_BAD_EVENT' };

beforeAll(async () => {
  f = await LogAndProjection.start(stream.name);
  ({ nc, prisma } = f);
}, 60_000);
afterAll(async () => { await f?.stop(); });

it('applies everything before an event that is not JSON, then stops, naming its sequence', async () => {
  const log = await JetStreamEventLog.open(nc, { stream });
  const before = await runMixedWorkload(log, { objects: 20, rounds: 2 });
  const bad = await nc.jetstream().publish(subjectFor({ kind: 'Pod', namespace: 'default', name: 'bad' }), new TextEncoder().encode('{"type": "Pod.Created", '));
  await runMixedWorkload(log, { objects: 5, rounds: 1, namespace: 'after' });
  const store = new ProjectionStore(prisma);
  const messages: string[] = [];
  const projector = new Projector(nc, store, { stream: stream.name, maxBatch: 1000, log: (m) => messages.push(m) });
  await projector.start();
  await expect(projector.done()).rejects.toThrow(`event at sequence ${bad.seq} is not JSON`);
  expect(await store.checkpoint('main')).toBe(before[before.length - 1].seq);
  expect(await store.get({ kind: 'Pod', namespace: 'default', name: 'pod-0' })).toBeDefined();
  expect(await store.get({ kind: 'Pod', namespace: 'after', name: 'pod-0' })).toBeUndefined();
  expect(messages.some((m) => m.includes('stopping'))).toBe(true);
  await projector.stop();
});
