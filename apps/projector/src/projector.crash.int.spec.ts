import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { connect, type NatsConnection } from 'nats';
import pg from 'pg';
import { DEFAULT_STREAM, JetStreamEventLog, type StoredEvent } from '@wake/events';
import { closePrisma, createPrisma, ProjectionStore, rebuildProjection, type PrismaClient } from '@wake/projection';
import { foldLatest, migrate, runMixedWorkload, TestNatsServer, TestPostgresServer, waitUntil } from '@wake/testing';

// Kill -9 the projector mid-stream, restart NATS, restart PostgreSQL: nothing acknowledged is
// lost, nothing is applied twice, and the projection converges to the log.
const root = path.resolve(__dirname, '../../..');
let nats: TestNatsServer;
let postgres: TestPostgresServer;
let dbUrl: string;
let nc: NatsConnection;
let log: JetStreamEventLog;
let prisma: PrismaClient;
let store: ProjectionStore;
let projector: ChildProcess | undefined;

function startProjector(): ChildProcess {
  const p = spawn(process.execPath, ['-r', './scripts/register.js', 'apps/projector/src/main.ts'], {
    cwd: root, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NATS_URL: nats.url, DATABASE_URL: dbUrl, WAKE_PROJECTOR_MAX_BATCH: '500' },
  });
  p.stdout!.resume();
  p.stderr!.resume();
  return p;
}

async function killProjector(signal: NodeJS.Signals) {
  const p = projector;
  if (!p || p.exitCode !== null || p.signalCode !== null) return;
  await new Promise<void>((resolve) => { p.once('exit', () => resolve()); p.kill(signal); });
}

beforeAll(async () => {
  nats = await TestNatsServer.start();
  postgres = await TestPostgresServer.start();
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query('CREATE DATABASE wake');
  await admin.end();
  dbUrl = postgres.url.replace(/\/postgres$/, '/wake');
  await migrate(dbUrl);
  nc = await connect({ servers: nats.url, maxReconnectAttempts: -1, reconnectTimeWait: 100 });
  log = await JetStreamEventLog.open(nc, { stream: DEFAULT_STREAM });
  prisma = createPrisma(dbUrl);
  store = new ProjectionStore(prisma);
}, 60_000);

afterAll(async () => {
  await killProjector('SIGKILL');
  await closePrisma(prisma);
  await nc.drain();
  await nats.stop();
  await postgres.stop();
}, 60_000);

const caughtUp = async () => (await store.checkpoint('main').catch(() => -1)) === (await log.lastSeq());

it('survives kill -9 of the projector, a NATS restart and a PostgreSQL restart, and converges to the log', async () => {
  const events: StoredEvent[] = [];
  // 1. a write burst; kill -9 the projector while it is part-way through catching up with it
  events.push(...(await runMixedWorkload(log, { objects: 500, rounds: 20, namespace: 'a' })));
  projector = startProjector();
  await waitUntil(async () => (await store.checkpoint('main').catch(() => 0)) > 0, 60_000, 'the projector to start applying');
  await killProjector('SIGKILL');
  const atKill = await store.checkpoint('main');
  expect(atKill).toBeGreaterThan(0);
  expect(atKill).toBeLessThan(await log.lastSeq());

  // 2. NATS restarts while nothing projects; then more writes
  await nats.restart('SIGTERM');
  await waitUntil(() => !nc.isClosed() && (nc as unknown as { protocol: { connected: boolean } }).protocol.connected, 20_000, 'the writer to reconnect');
  events.push(...(await runMixedWorkload(log, { objects: 100, rounds: 4, namespace: 'b' })));

  // 3. the projector comes back and catches up; PostgreSQL restarts under it; writes go on
  projector = startProjector();
  const more = runMixedWorkload(log, { objects: 100, rounds: 6, namespace: 'c', concurrency: 4 });
  await waitUntil(async () => (await store.checkpoint('main').catch(() => 0)) > atKill, 60_000, 'the restarted projector to apply');
  await postgres.restart();
  events.push(...(await more));
  // 4. NATS restarts under the running projector, then a final write
  await nats.restart('SIGTERM');
  await waitUntil(() => (nc as unknown as { protocol: { connected: boolean } }).protocol.connected, 20_000, 'reconnect');
  events.push(...(await runMixedWorkload(log, { objects: 20, rounds: 2, namespace: 'd' })));

  await waitUntil(caughtUp, 90_000, 'the projection to reach the end of the log');

  // Nothing acknowledged was lost: every acknowledged event is in the log, in the projection's fold.
  const all: StoredEvent[] = [];
  for await (const e of log.read()) all.push(e);
  expect(all.map((e) => e.seq)).toEqual(events.map((e) => e.seq).sort((a, b) => a - b));
  // The projection equals the fold of the log, object by object ...
  const expected = foldLatest(all);
  for (const e of expected.values()) {
    const row = await store.get(e);
    if (e.type === 'Pod.Deleted') expect(row).toBeUndefined();
    else expect(row?.metadata.resourceVersion).toBe(String(e.seq));
  }
  expect(await store.count()).toBe([...expected.values()].filter((e) => e.type !== 'Pod.Deleted').length);
  // ... and byte for byte the state a rebuild from the log produces.
  const live = await store.hash();
  await killProjector('SIGTERM');
  const rebuilt = await rebuildProjection(nc, store, { stream: DEFAULT_STREAM.name });
  expect(rebuilt.hash).toBe(live);
}, 300_000);
