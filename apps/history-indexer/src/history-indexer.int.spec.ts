import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { connect, type NatsConnection } from 'nats';
import { DEFAULT_STREAM, JetStreamEventLog } from '@wake/events';
import { HistoryIndexer, HistoryStore } from '@wake/history';
import { createPool } from '@wake/projection';
import { createTestDatabase, runMixedWorkload, TestNatsServer, waitUntil } from '@wake/testing';

// The history indexer as `wake up` runs it (its own process): it follows the log as it grows,
// writes snapshots, and stops cleanly on SIGTERM. In-process, concurrent catch-ups share runs.
jest.setTimeout(120_000);
const root = path.resolve(__dirname, '../../..');
let nats: TestNatsServer;
let nc: NatsConnection;
let log: JetStreamEventLog;
let db: { url: string; drop: () => Promise<void> };
let pool: ReturnType<typeof createPool>;
let child: ChildProcess | undefined;

beforeAll(async () => {
  nats = await TestNatsServer.start();
  nc = await connect({ servers: nats.url });
  log = await JetStreamEventLog.open(nc, { stream: DEFAULT_STREAM });
  db = await createTestDatabase('wake_hist_idx');
  pool = createPool(db.url, 2);
});

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await pool.end();
  await db.drop();
  await nc.drain();
  await nats.stop();
});

it('follows the log in its own process, with snapshots, and exits cleanly on SIGTERM', async () => {
  const store = new HistoryStore(pool);
  await runMixedWorkload(log, { objects: 10, rounds: 2 });
  let output = '';
  child = spawn(process.execPath, ['-r', './scripts/register.js', 'apps/history-indexer/src/main.ts'], {
    cwd: root, env: { ...process.env, NATS_URL: nats.url, DATABASE_URL: db.url, WAKE_HISTORY_SNAPSHOT_EVERY: '10', WAKE_HISTORY_IDLE_MS: '100', NO_COLOR: '1' },
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const indexedAll = async () => (await store.checkpoint()) === (await log.lastSeq());
  await waitUntil(indexedAll, 60_000, "the indexer to reach the log's end");
  // Written while it runs: picked up without anyone asking.
  await runMixedWorkload(log, { objects: 5, rounds: 1, namespace: 'later' });
  await waitUntil(indexedAll, 30_000, "the indexer to follow new events");
  expect(await store.indexedCount()).toBe(await log.lastSeq());
  expect((await store.snapshots()).length).toBeGreaterThanOrEqual(Math.floor((await log.lastSeq()) / 10) - 1);
  // Nest closes the application, then re-raises the signal.
  const exited = new Promise<string>((resolve) => child!.once('exit', (code, signal) => resolve(`${code} ${signal}`)));
  child.kill('SIGTERM');
  expect(await exited).toMatch(/^(0 null|null SIGTERM)$/);
  expect(output).toMatch(/indexed \d+ events through \d+/);
  expect(output).toMatch(/\[HistoryIndexer\] stopped/);
});

it('shares catch-up runs between concurrent callers, each seeing the log as of its call', async () => {
  const indexer = new HistoryIndexer(nc, new HistoryStore(pool), { stream: DEFAULT_STREAM.name, snapshotEvery: 10 });
  await indexer.catchUp();
  await runMixedWorkload(log, { objects: 3, rounds: 1, namespace: 'concurrent' });
  const runs = await Promise.all([indexer.catchUp(), indexer.catchUp(), indexer.catchUp()]);
  const last = await log.lastSeq();
  expect(runs.map((r) => r.throughSeq)).toEqual([last, last, last]);
  expect(runs.reduce((n, r) => n + r.indexed, 0)).toBe(runs[0].indexed); // the queued run found nothing left
  expect(runs[1]).toBe(runs[2]); // one follow-up run for both late callers
  expect(await new HistoryStore(pool).indexedCount()).toBe(last);
});
