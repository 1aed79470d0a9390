import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DEFAULT_STREAM, type KubeObject, type StoredEvent } from '@wake/events';
import { HistoryIndexer, HistoryStore, LogStream, replayInputFromStream, replaySlice, type ReplayReport } from '@wake/history';
import { Binder } from '../../../scheduler/src/binding/binder';
import { Scheduler } from '../../../scheduler/src/scheduler';
import { DEFAULT_SETTINGS } from '../../../scheduler/src/settings/scheduler-settings';
import { ADMIN, Harness } from '../../../controllers/src/testing/harness';
import { deployment, imageOf, isReady, isTerminating, type Pod } from '../../../controllers/src/testing/fixtures';
import { SIMULATED_TOLERATION } from '../../../node-agent/src/simulated/objects';
import { createTestDatabase, TestNatsServer, runWake } from '@wake/testing';

// A real scenario recorded by the real services: NATS JetStream and PostgreSQL (projector
// in-process), the controllers' Runner and the scheduler in-process, three SIMULATED nodes
// (64 cpu / 256Gi each; they report pods Running, they do not bind) with unequal free
// resources — sim-0 half full, sim-1 a quarter full, sim-2 empty. Then `wake replay` over it.
jest.setTimeout(240_000);
let h: Harness;
let scheduler: Scheduler;
let lastSeq: number;
let pool: pg.Pool;

type Deploy = KubeObject & { spec: { replicas: number; template: { spec: { containers: Array<{ image: string; resources?: unknown }> } } }; status?: Record<string, number> };

const wake = (...args: string[]) => runWake(args, { NATS_URL: h.nats.url, DATABASE_URL: h.db.url });

async function update(change: (d: Deploy) => void): Promise<void> {
  await h.retry(async () => {
    const d = structuredClone(await h.store.mustGet({ kind: 'Deployment', namespace: 'default', name: 'web' })) as Deploy;
    change(d);
    await h.store.update(d, { actor: ADMIN });
  });
}

async function complete(replicas: number, image: string): Promise<void> {
  await h.until(() => {
    const d = h.get<Deploy>('Deployment', 'web');
    const pods = h.list<Pod>('Pod', 'default', { app: 'web' }).filter((p) => !isTerminating(p));
    return !!d && d.status?.observedGeneration === d.metadata.generation && d.status?.availableReplicas === replicas
      && d.status?.updatedReplicas === replicas && d.status?.replicas === replicas
      && pods.length === replicas && pods.every((p) => isReady(p) && imageOf(p) === image);
  }, `web: ${replicas} available pods of ${image}`, 90_000);
}

/** Every user table of the test database, hashed: replay must leave them as they were. */
async function databaseFingerprint(): Promise<Record<string, string>> {
  const tables = (await pool.query<{ t: string }>(`SELECT quote_ident(schemaname) || '.' || quote_ident(relname) AS t FROM pg_stat_user_tables ORDER BY 1`)).rows.map((r) => r.t);
  const out: Record<string, string> = {};
  for (const t of tables) out[t] = (await pool.query<{ h: string }>(`SELECT count(*) || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${t} x`)).rows[0].h;
  return out;
}

/** Waits until the log has been quiet for `ms` (the controllers and the simulated nodes have settled). */
async function quiet(ms: number): Promise<void> {
  let seen = await h.log.lastSeq();
  let since = Date.now();
  await h.until(async () => {
    const now = await h.log.lastSeq();
    if (now !== seen) { seen = now; since = Date.now(); }
    return Date.now() - since >= ms;
  }, 'the log to be quiet', 60_000);
}

beforeAll(async () => {
  // Leases renew every 30 s: the scenario's log is the workload's, not heartbeats.
  h = await Harness.start({ simulated: { nodes: 3, renewIntervalMs: 30_000, leaseDurationSeconds: 120, bind: false } });
  const settings = { ...DEFAULT_SETTINGS, holder: 'replay-test', events: 'none' as const };
  const binder = new Binder(h.log, h.store, { actor: { type: 'component', name: 'scheduler' }, component: settings.schedulerName, instance: settings.holder });
  scheduler = new Scheduler(h.log, binder, settings, { log: () => undefined, warn: (m) => console.warn(m), error: (m) => console.error(m) });
  await scheduler.start();
  scheduler.lead();

  const hog = (name: string, node: string, cpu: string, memory: string) => h.store.create({
    apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' },
    spec: { nodeName: node, tolerations: [SIMULATED_TOLERATION], containers: [{ name: 'hog', image: 'wake/busybox:1', resources: { requests: { cpu, memory } } }] },
  }, { actor: ADMIN });
  await hog('hog-0', 'sim-0', '32', '128Gi');
  await hog('hog-1', 'sim-1', '16', '64Gi');

  const web = deployment('web', 2, 'wake/web:1') as Deploy;
  web.spec.template.spec.containers[0].resources = { requests: { cpu: '1', memory: '4Gi' } };
  await h.store.create(web, { actor: ADMIN });
  await complete(2, 'wake/web:1');
  await update((d) => { d.spec.replicas = 4; });
  await complete(4, 'wake/web:1');
  await update((d) => { d.spec.template.spec.containers[0].image = 'wake/web:2'; });
  await complete(4, 'wake/web:2');
  await update((d) => { d.spec.template.spec.containers[0].image = 'wake/web:1'; }); // rollback: the first ReplicaSet again
  await complete(4, 'wake/web:1');
  await quiet(1500);
  await scheduler.stop();
  await h.runner!.stop();
  h.runner = undefined;
  for (const n of ['sim-0', 'sim-1', 'sim-2']) h.agent.pause(n); // no more lease renewals: the log stays still
  lastSeq = await h.log.lastSeq();
  pool = new pg.Pool({ connectionString: h.db.url, max: 2 });
  // Snapshots for the history store, so a replay from the middle starts from one (read, never written).
  await new HistoryIndexer(h.nc, new HistoryStore(pool), { stream: DEFAULT_STREAM.name, snapshotEvery: 50 }).catchUp();
});

afterAll(async () => {
  await pool?.end();
  await h?.stop();
});

async function events(): Promise<StoredEvent[]> {
  const stream = await LogStream.open(h.nc, h.log, DEFAULT_STREAM.name);
  const out: StoredEvent[] = [];
  for await (const e of stream.range(0, lastSeq)) out.push(e);
  return out;
}

describe('wake replay over a recorded Deployment: create, scale, new image, rollback', () => {
  it('with today\'s code: every binding and ReplicaSet/Deployment decision is the same (exit 0), and nothing is written', async () => {
    const before = await databaseFingerprint();
    const all = await events();
    const bindings = all.filter((e) => e.type === 'Pod.Bound' && e.actor === 'system:scheduler');
    expect(new Set(bindings.map((e) => (e.object.spec as { nodeName: string }).nodeName)).size).toBeGreaterThan(1);

    const r = await wake('replay');
    process.stderr.write(`wake replay:\n${r.stdout}${r.stderr}\n`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no differences');
    const json = JSON.parse((await wake('replay', '-o', 'json')).stdout) as ReplayReport;
    expect(json.from).toBe(1);
    expect(json.to).toBe(lastSeq);
    expect(json.components.scheduler).toMatchObject({ compared: bindings.length, matched: bindings.length, different: 0 });
    expect(json.components.replicaset.compared).toBeGreaterThanOrEqual(4 + 4 + 4);
    expect(json.components.deployment.compared).toBeGreaterThanOrEqual(4);
    expect(json.components.replicaset.different + json.components.deployment.different).toBe(0);

    // Nothing written anywhere: not one event on the stream, not one row in PostgreSQL.
    expect(await h.log.lastSeq()).toBe(lastSeq);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('with a changed scoring strategy (MostAllocated packs onto sim-0): lists the differing bindings with per-node scores (exit 1)', async () => {
    const r = await wake('replay', '--scheduler-config', '{"scoringStrategy":"MostAllocated"}');
    process.stderr.write(`wake replay --scheduler-config MostAllocated:\n${r.stdout}\n`);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/seq \d+ {2}\S+ {2}scheduler {2}Pod default\/web-\w+-\w+\n {2}recorded: bind to sim-2\n {2}today: {4}bind to sim-0\n {2}NODE/);
    expect(r.stdout).toMatch(/\n {2}sim-0 +\d+ \(NodeResourcesFit \d+.*\) +\d+ \(NodeResourcesFit \d+/);
    expect(r.stdout).toContain('(every node scored alike by NodeResourcesBalancedAllocation 100');

    const json = JSON.parse((await wake('replay', '--scheduler-config', '{"scoringStrategy":"MostAllocated"}', '-o', 'json')).stdout) as ReplayReport;
    expect(json.differences.length).toBeGreaterThan(0);
    expect(json.differences.every((d) => d.component === 'scheduler')).toBe(true);
    expect(json.components.scheduler.different).toBe(json.differences.length);
    // Each difference is a binding the log records and today's scheduler would place elsewhere.
    const bound = new Map((await events()).filter((e) => e.type === 'Pod.Bound').map((e) => [e.seq, (e.object.spec as { nodeName: string }).nodeName]));
    for (const d of json.differences) {
      expect(d.recorded).toEqual([`bind to ${bound.get(d.seq)}`]);
      expect(d.binding!.today.best).not.toContain(bound.get(d.seq));
      expect(d.binding!.today.scores.length).toBe(3);
    }
    expect(await h.log.lastSeq()).toBe(lastSeq);
  });

  it('with a changed scoring weight: PodTopologySpread 0 reports every spread binding (exit 1); a weight that ranks nothing here changes nothing (exit 0)', async () => {
    const all = await events();
    const spread = all.filter((e) => e.type === 'Pod.Bound' && (e.object.spec as { nodeName: string }).nodeName !== 'sim-2');
    expect(spread.length).toBeGreaterThan(0);
    const r = await wake('replay', '--scheduler-config', '{"weights":{"PodTopologySpread":0}}', '-o', 'json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as ReplayReport;
    // Without spreading, the emptiest node (sim-2, with at most 8 of its 64 cpus used) wins every time.
    expect(json.differences.map((d) => d.seq)).toEqual(spread.map((e) => e.seq));
    expect(json.differences.every((d) => d.today[0] === 'bind to sim-2')).toBe(true);
    expect((await wake('replay', '--scheduler-config', '{"weights":{"PodTopologySpread":0}}')).stdout).toContain('weights changed: PodTopologySpread 2 → 0');

    // Every node is perfectly balanced for these pods (cpu and memory in the same proportion): BalancedAllocation ranks nothing.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wake-replay-')), 'config.json');
    fs.writeFileSync(file, JSON.stringify({ weights: { NodeResourcesBalancedAllocation: 10 } }));
    const same = await wake('replay', '--scheduler-config', file);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('no differences');
  });

  it('replays from the middle (state from a snapshot plus the tail) and from an exported slice file', async () => {
    const all = await events();
    const scaled = all.find((e) => e.type === 'Deployment.Scaled')!;
    const input = await replayInputFromStream(await LogStream.open(h.nc, h.log, DEFAULT_STREAM.name), new HistoryStore(pool), { seq: scaled.seq });
    expect(input.seed.some((e) => e.kind === 'Deployment' && e.name === 'web')).toBe(true);
    const mid = replaySlice(input);
    expect(mid.from).toBe(scaled.seq);
    expect(mid.differences).toEqual([]);
    expect(mid.components.scheduler.compared).toBeLessThan(all.filter((e) => e.type === 'Pod.Bound').length);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wake-replay-'));
    const saved = path.join(dir, 'from-scale.ndjson');
    const r = await wake('replay', '--from', String(scaled.seq), '--save', saved, '-o', 'json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as ReplayReport).components).toEqual(mid.components);
    const byTime = await wake('replay', '--from', scaled.time, '-o', 'json');
    expect(JSON.parse(byTime.stdout)).toMatchObject({ from: scaled.seq, components: mid.components });
    // The saved slice carries the state before it: replayed alone, it tells the same.
    const alone = await wake('replay', '--file', saved, '-o', 'json');
    expect(alone.stderr).toBe('');
    expect((JSON.parse(alone.stdout) as ReplayReport).components).toEqual(mid.components);

    const file = path.join(dir, 'slice.ndjson');
    expect((await wake('export', '--from', '1', '--to', String(lastSeq), '-o', file)).code).toBe(0);
    const fromFile = await wake('replay', '--file', file);
    expect(fromFile.code).toBe(0);
    expect(fromFile.stdout).toContain('no differences');
    expect((await wake('replay', '--file', file, '--scheduler-config', '{"scoringStrategy":"MostAllocated"}')).code).toBe(1);
    // --from within a whole-log file: the events before it become the starting state.
    const tail = await wake('replay', '--file', file, '--from', String(scaled.seq), '-o', 'json');
    expect((JSON.parse(tail.stdout) as ReplayReport).components).toEqual(mid.components);

    // An export from the middle with the state before it: replayed alone, the same decisions as the live replay of that range.
    const withState = path.join(dir, 'with-state.ndjson');
    const ex = await wake('export', '--from', String(scaled.seq), '--to', String(lastSeq), '--with-state', '-o', withState);
    expect(ex.code).toBe(0);
    expect(ex.stderr).toMatch(new RegExp(`exported ${lastSeq - scaled.seq + 1} events \\(sequences ${scaled.seq}\\.\\.${lastSeq}\\) and ${input.seed.length} objects as they were before ${scaled.seq}`));
    const exported = fs.readFileSync(withState, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(exported[0]).toMatchObject({ wakeLogSlice: 1, from: scaled.seq, to: lastSeq, state: input.seed.length });
    expect(exported.slice(1, 1 + input.seed.length).map((l) => l.wakeSliceSeed)).toEqual(input.seed);
    const live = await wake('replay', '--from', String(scaled.seq), '--to', String(lastSeq), '-o', 'json');
    const exportedAlone = await wake('replay', '--file', withState, '-o', 'json');
    expect(exportedAlone.stderr).toBe('');
    expect(exportedAlone.code).toBe(0);
    const liveReport = JSON.parse(live.stdout) as ReplayReport;
    const fileReport = JSON.parse(exportedAlone.stdout) as ReplayReport;
    expect(fileReport.differences).toEqual([]);
    expect(fileReport.components).toEqual(liveReport.components);
    expect(fileReport.components).toEqual(mid.components);
    expect([fileReport.from, fileReport.to]).toEqual([scaled.seq, lastSeq]);
    // Without --with-state the same slice starts from an empty cluster, and says so.
    const bare = path.join(dir, 'bare.ndjson');
    expect((await wake('export', '--from', String(scaled.seq), '--to', String(lastSeq), '-o', bare)).code).toBe(0);
    expect((await wake('replay', '--file', bare)).stderr).toContain('carries no state');
  });

  it('imports a --save file (its events; the state lines are checked, not imported) and refuses a corrupted one, importing nothing', async () => {
    const all = await events();
    const scaled = all.find((e) => e.type === 'Deployment.Scaled')!;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wake-replay-import-'));
    const saved = path.join(dir, 'saved.ndjson');
    expect((await wake('replay', '--from', String(scaled.seq), '--save', saved)).code).toBe(0);
    const lines = fs.readFileSync(saved, 'utf8').trim().split('\n');
    const state = JSON.parse(lines[0]).state as number;
    expect(state).toBeGreaterThan(0);
    const n = lines.length - 1 - state;
    expect(n).toBe(lastSeq - scaled.seq + 1);
    const corrupted = path.join(dir, 'corrupted.ndjson');
    const bad = 1 + state + 3; // the third event
    fs.writeFileSync(corrupted, lines.map((l, i) => (i === bad - 1 ? l.slice(0, l.length / 2) : l)).join('\n') + '\n');

    const otherNats = await TestNatsServer.start();
    const otherDb = await createTestDatabase('wake_replay_import');
    const other = (...args: string[]) => runWake(args, { NATS_URL: otherNats.url, DATABASE_URL: otherDb.url, WAKE_STREAM_NAME: 'WAKE_IMPORTED' });
    try {
      const refused = await other('import', corrupted);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain(`line ${bad}: not JSON; nothing imported`);
      expect(refused.stdout).toBe('');
      // Nothing was appended: the good file's events land at sequences 1..n.
      const ok = await other('import', saved);
      expect(ok.code).toBe(0);
      expect(ok.stderr).toContain(`carries ${state} state objects (the cluster before sequence ${scaled.seq}); import appends only its ${n} events`);
      expect(ok.stdout).toContain(`imported ${n} events from ${DEFAULT_STREAM.name} ${scaled.seq}..${lastSeq} into WAKE_IMPORTED as sequences 1..${n} (${n} new)`);
    } finally {
      await otherDb.drop();
      await otherNats.stop();
    }
  });

  it('fails with exit code 2 on a bad configuration or a missing file', async () => {
    const bad = await wake('replay', '--scheduler-config', '{"scoringStrategy":"Random"}');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('scoringStrategy must be LeastAllocated or MostAllocated');
    expect((await wake('replay', '--file', '/nonexistent/slice.ndjson')).code).toBe(2);
    const typo = await wake('replay', '--scheduler-config', '{"weights":{"NodeResourceFit":5}}');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('unknown score plugin "NodeResourceFit"');
    // A range past the log's end is an error at once (it used to wait for events never written).
    const started = Date.now();
    const past = await wake('replay', '--from', String(lastSeq + 1000));
    expect(past.code).toBe(2);
    expect(past.stderr).toContain(`is after the log's last event (${lastSeq})`);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
