import { connect, type NatsConnection } from 'nats';
import { DEFAULT_STREAM, JetStreamEventLog, subjectFor } from '@wake/events';
import { createTestDatabase, runMixedWorkload, TestNatsServer } from '@wake/testing';
import { closePrisma, createPrisma, type PrismaClient } from './prisma';
import { ProjectionStore } from './projection-store';
import { Projector } from './projector';

let nats: TestNatsServer;
let nc: NatsConnection;
let db: { url: string; drop: () => Promise<void> };
let prisma: PrismaClient;
const stream = { ...DEFAULT_STREAM, name: 'WAKE_PROJECTOR_BAD_EVENT' };

beforeAll(async () => {
  nats = await TestNatsServer.start();
  nc = await connect({ servers: nats.url });
  db = await createTestDatabase();
  prisma = createPrisma(db.url);
}, 60_000);
afterAll(async () => {
  await closePrisma(prisma);
  await db.drop();
  await nc.drain();
  await nats.stop();
});

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
