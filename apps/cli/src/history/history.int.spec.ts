import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect, type NatsConnection } from 'nats';
import { DEFAULT_STREAM, JetStreamEventLog, objectAt, type KubeObject } from '@wake/events';
import { buildRevisions, explain, stateText, HistoryIndexer, HistoryStore, LogStream, stateAt } from '@wake/history';
import { closePrisma, createPool, createPrisma, ProjectionStore, Projector, type PrismaClient } from '@wake/projection';
import { createTestDatabase, TestNatsServer, runWake } from '@wake/testing';
import { runScenario, type ScenarioEvents, type ScenarioPoint } from '../../../../libs/history/src/testing/scenario';

jest.setTimeout(180_000);
const root = path.resolve(__dirname, '../../../..');
let nats: TestNatsServer;
let nc: NatsConnection;
let db: { url: string; drop: () => Promise<void> };
let prisma: PrismaClient;
let pool: ReturnType<typeof createPool>;
let log: JetStreamEventLog;
let story: ScenarioEvents;
const points: (ScenarioPoint & { listed: Record<string, KubeObject[]> })[] = [];
const KINDS = ['Deployment', 'ReplicaSet', 'Pod', 'Node', 'Lease'];

/** The CLI as a child process (what ./wake execs, without the wrapper's .wake/env, which would point at the dev cluster). */
const wake = (...args: string[]) => runWake(args, { NATS_URL: nats.url, DATABASE_URL: db.url, WAKE_HISTORY_SNAPSHOT_EVERY: '4' }, 60_000);

beforeAll(async () => {
  nats = await TestNatsServer.start();
  nc = await connect({ servers: nats.url });
  log = await JetStreamEventLog.open(nc, { stream: DEFAULT_STREAM });
  db = await createTestDatabase('wake_history');
  prisma = createPrisma(db.url);
  pool = createPool(db.url, 4);
  const projection = new ProjectionStore(prisma);
  const projector = new Projector(nc, projection, { stream: DEFAULT_STREAM.name, maxBatch: 100 });
  await projector.start();
  story = await runScenario(log, async (name) => {
    const seq = await log.lastSeq();
    await projector.reached(seq);
    const listed: Record<string, KubeObject[]> = {};
    for (const kind of KINDS) listed[kind] = await projection.list({ kind });
    points.push({ name, seq, time: (await (await LogStream.open(nc, log, DEFAULT_STREAM.name)).eventAt(seq))!.time, listed });
  });
  await projector.stop();
});

afterAll(async () => {
  await pool.end();
  await closePrisma(prisma);
  await db.drop();
  await nc.drain();
  await nats.stop();
});

const byName = (objs: KubeObject[]) => [...objs].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));

describe('the history library against NATS and PostgreSQL', () => {
  it('indexes the log with periodic snapshots and answers state at three points exactly as the projection listed then', async () => {
    const store = new HistoryStore(pool);
    const run1 = await new HistoryIndexer(nc, store, { stream: DEFAULT_STREAM.name, snapshotEvery: 4 }).catchUp();
    expect(run1.indexed).toBe(await log.lastSeq());
    expect(run1.snapshots).toBeGreaterThanOrEqual(3);
    expect(await store.indexedCount()).toBe(run1.indexed);
    const stream = await LogStream.open(nc, log, DEFAULT_STREAM.name);
    for (const p of points) {
      for (const kind of KINDS) {
        const s = await stateAt(stream, store, { seq: p.seq }, { kind });
        expect(byName(s.objects)).toEqual(byName(p.listed[kind]));
        expect(s.replayed).toBeLessThan(4 + 1);
      }
      const byTime = await stateAt(stream, store, { time: new Date(p.time) }, { kind: 'Pod' });
      expect(byTime.seq).toBeGreaterThanOrEqual(p.seq);
      expect(byName(byTime.objects)).toEqual(byName(p.listed.Pod));
    }
  });

  it('tells why the pod is as it is: user → controllers → scheduler (with reasons) → node', async () => {
    const store = new HistoryStore(pool);
    await new HistoryIndexer(nc, store, { stream: DEFAULT_STREAM.name, snapshotEvery: 4 }).catchUp();
    const stream = await LogStream.open(nc, log, DEFAULT_STREAM.name);
    const steps = await explain(stream, store, { kind: 'Pod', namespace: 'default', name: 'web-7d4b9-x2x4z' });
    const s = story;
    expect(steps.map((x) => [x.seq, x.type, x.actor, x.causedBy])).toEqual([
      [s.deployment.seq, 'Deployment.Created', 'user:alice', undefined],
      [s.replicaSet.seq, 'ReplicaSet.Created', 'system:controllers', s.deployment.seq],
      [s.podCreated.seq, 'Pod.Created', 'system:controllers', s.replicaSet.seq],
      [s.bound.seq, 'Pod.Bound', 'system:scheduler', s.podCreated.seq],
      [s.running.seq, 'Pod.StatusReported', 'system:node:node-b', s.bound.seq],
      [s.crashed.seq, 'Pod.StatusReported', 'system:node:node-b', s.running.seq],
      [s.podDeleted.seq, 'Pod.Deleted', 'user:alice', undefined],
    ]);
    expect(steps[3].reasons).toEqual(['rejected node-a: NodeResourcesFit: Insufficient cpu', 'chose  node-b: total 88 (NodeResourcesBalancedAllocation 88)']);
    expect(steps[5].description).toContain('last exit code 1 (Error)');
  });

  it('keeps every revision of the deleted pod', async () => {
    const stream = await LogStream.open(nc, log, DEFAULT_STREAM.name);
    const list = buildRevisions(await stream.history({ kind: 'Pod', namespace: 'default', name: 'web-7d4b9-x2x4z' }), { hideStatus: true });
    expect(list.revisions.map((r) => r.intent)).toEqual(['Created', 'Bound', 'Deleted']);
    expect(list.hidden).toBe(2);
    expect(list.revisions[1].changes!.map((c) => c.path)).toContain('spec.nodeName');
  });
});

describe('the wake history commands (child process)', () => {
  it('history: revisions with diffs, noise filters and json', async () => {
    const text = (await wake('history', 'deploy/web')).stdout;
    expect(text).toContain('Deployment.Created');
    expect(text).toMatch(/Deployment\.Scaled\s+user:alice\n\s+~ metadata\.generation: 1 → 2\n\s+~ spec\.replicas: 1 → 3/);
    const lease = await wake('history', 'lease/node-b', '-n', 'kube-node-lease', '--no-heartbeats');
    expect(lease.stdout).not.toContain('Lease.Renewed');
    expect(lease.stdout).toContain('3 revisions hidden');
    const json = JSON.parse((await wake('history', 'pod/web-7d4b9-x2x4z', '-o', 'json')).stdout);
    expect(json.revisions.map((r: { intent: string }) => r.intent)).toEqual(['Created', 'Bound', 'StatusReported', 'StatusReported', 'Deleted']);
  });

  it('state --at: the table kubectl showed then, by sequence and by time; yaml', async () => {
    const [a, b, c] = points;
    // What a Table of the projection's list at that point printed (the gateway serves kubectl from toTable too).
    const shown = (p: typeof a, kind: string, allNamespaces = true) => stateText(p.listed[kind], 'table', { now: new Date(p.time), allNamespaces, resourceVersion: '' });
    const atA = (await wake('state', '--at', String(a.seq), 'pods')).stdout;
    expect(atA).toBe(shown(a, 'Pod'));
    expect(atA).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\ndefault\s+web-7d4b9-x2x4z\s+0\/1\s+Pending\s+0\s+\d+s\n$/);
    expect((await wake('state', '--at', String(b.seq), 'deploy')).stdout).toBe(shown(b, 'Deployment'));
    const atB = (await wake('state', '--at', b.time, 'pods', '-n', 'default')).stdout;
    expect(atB).toBe(shown(b, 'Pod', false));
    expect(atB).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nweb-7d4b9-x2x4z\s+1\/1\s+Running\s+0/);
    const atC = await wake('state', '--at', String(c.seq), '-o', 'yaml', 'deployments', '--stats');
    expect(atC.stdout).toContain('replicas: 3');
    expect(atC.stderr).toMatch(/snapshot \d+ \+ \d events replayed/);
    const all = (await wake('state', '--at', String(c.seq))).stdout;
    expect(all).toContain('deployment.apps/web');
    expect(all).toContain('pod/web-7d4b9-x2x4z');
    // Past the log's end, or a time still to come: an error, not today's state passed off as then.
    const last = (await (await LogStream.open(nc, log, DEFAULT_STREAM.name)).info()).lastSeq;
    const past = await wake('state', '--at', String(last + 1000), 'pods');
    expect(past.code).not.toBe(0);
    expect(past.stderr).toContain(`--at ${last + 1000} is past the log's last event (sequence ${last})`);
    expect(past.stdout).toBe('');
    const future = await wake('state', '--at', new Date(Date.now() + 3_600_000).toISOString(), 'pods');
    expect(future.code).not.toBe(0);
    expect(future.stderr).toContain('is in the future');
  });

  it('why: the causal chain as text', async () => {
    const r = await wake('why', 'pod/web-7d4b9-x2x4z');
    expect(r.code).toBe(0);
    const order = ['user alice created Deployment default/web', 'the controllers created ReplicaSet default/web-7d4b9 (revision 1)',
      'the controllers created Pod default/web-7d4b9-x2x4z', 'the scheduler bound Pod default/web-7d4b9-x2x4z to node node-b',
      'rejected node-a: NodeResourcesFit: Insufficient cpu', 'reported Pod default/web-7d4b9-x2x4z: Running, app running',
      'app waiting: CrashLoopBackOff, last exit code 1 (Error), 1 restart'];
    const at = order.map((s) => r.stdout.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
  });

  it('timeline: by owner, by selector, and --follow', async () => {
    const ownedRun = await wake('timeline', '--owner', 'deployment/web', '--no-status');
    expect(ownedRun.code).toBe(0);
    const owned = ownedRun.stdout.trim().split('\n');
    expect(owned.map((l) => l.trim().split(/\s+/)[2])).toEqual(['Deployment.Created', 'ReplicaSet.Created', 'Pod.Created', 'Pod.Bound', 'Deployment.Scaled', 'Pod.Deleted']);
    const labelled = (await wake('timeline', '-l', 'app=web', '--kind', 'pod', '-o', 'json')).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(labelled.map((t) => t.seq)).toEqual([story.podCreated, story.bound, story.running, story.crashed, story.podDeleted].map((e) => e.seq));

    const env = { ...process.env, NATS_URL: nats.url, DATABASE_URL: db.url };
    const child = require('node:child_process').spawn('node', ['-r', './scripts/register.js', 'apps/cli/src/main.ts', 'timeline', '--kind', 'ConfigMap', '--follow'], { cwd: root, env });
    let seen = '';
    child.stdout.on('data', (d: Buffer) => (seen += d.toString()));
    const deadline = Date.now() + 30_000;
    let appended = false;
    while (!seen.includes('ConfigMap.Created') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      if (!appended && Date.now() > deadline - 25_000) {
        appended = true;
        await log.append({ type: 'ConfigMap.Created', actor: 'user:alice', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'live', namespace: 'default', uid: 'uid-live' } } }, { expect: 'absent' });
      }
    }
    child.kill('SIGINT');
    await new Promise((r) => child.once('exit', r));
    expect(seen).toContain('ConfigMap.Created');
  });

  it('export a slice, import it into another stream, and ask why there', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wake-slice-')), 'slice.ndjson');
    const ex = await wake('export', '--from', String(story.deployment.seq), '--to', String(story.podDeleted.seq), '-n', 'default', '-o', file);
    expect(ex.stderr).toMatch(/exported \d+ events/);
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    expect(JSON.parse(lines[0]).wakeLogSlice).toBe(1);
    expect(lines.length - 1).toBe(story.podDeleted.seq - story.deployment.seq + 1 - 3); // minus the lease renewals
    // Another cluster's log: a second NATS server (one server cannot hold two streams on wake.obj.>).
    const other = await createTestDatabase('wake_history_import');
    const otherNats = await TestNatsServer.start();
    try {
      const env = { NATS_URL: otherNats.url, DATABASE_URL: other.url, WAKE_STREAM_NAME: 'WAKE_IMPORTED' };
      const im = await runWake(['import', file], env);
      expect(im.code).toBe(0);
      expect(im.stdout).toMatch(new RegExp(`imported ${lines.length - 1} events .* into WAKE_IMPORTED as sequences 1\\.\\.${lines.length - 1}`));
      const why = await runWake(['why', 'pod/web-7d4b9-x2x4z'], env);
      expect(why.code).toBe(0);
      expect(why.stdout).toContain('user alice created Deployment default/web');
      expect(why.stdout).toContain('the scheduler bound Pod default/web-7d4b9-x2x4z to node node-b');
    } finally {
      await other.drop();
      await otherNats.stop();
    }
  });

  it('export --with-state from the middle: the objects (of the namespace) as they were just before --from, then the events', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wake-slice-')), 'with-state.ndjson');
    const from = story.bound.seq;
    const ex = await wake('export', '--from', String(from), '--to', String(story.podDeleted.seq), '-n', 'default', '--with-state', '-o', file);
    expect(ex.code).toBe(0);
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const before = await stateAt(await LogStream.open(nc, log, DEFAULT_STREAM.name), new HistoryStore(pool), { seq: from - 1 }, { namespace: 'default' });
    expect(before.objects.length).toBeGreaterThan(0);
    expect(lines[0]).toMatchObject({ wakeLogSlice: 1, from, state: before.objects.length });
    const seeds = lines.slice(1, 1 + before.objects.length).map((l) => l.wakeSliceSeed);
    expect(byName(seeds.map((e) => objectAt(e)))).toEqual(byName(before.objects));
    expect(seeds.every((e) => e.seq < from)).toBe(true);
    expect(lines.slice(1 + before.objects.length).every((e) => e.seq >= from && e.namespace === 'default')).toBe(true);
    expect(ex.stderr).toContain(`and ${before.objects.length} objects as they were before ${from}`);
  });

  it('replay: the story\'s hand-written binding is one today\'s scheduler would not make (its nodes declare no capacity): exit 1, listed', async () => {
    const last = await log.lastSeq();
    const r = await wake('replay');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`replayed ${last} events (sequences 1..${last}`);
    expect(r.stdout).toMatch(/scheduler bindings +1 compared +0 same +1 different/);
    expect(r.stdout).toMatch(new RegExp(`seq ${story.bound.seq} .* scheduler  Pod default/web-7d4b9-x2x4z\n  recorded: bind to node-b\n  today:    unschedulable: 0/2 nodes are available`));
    expect(r.stdout).toMatch(/node-b +88 \(NodeResourcesBalancedAllocation 88\) +-/);
    // The story's controller writes do not say which controller wrote them: counted, not compared.
    expect(r.stdout).toContain('not compared: controllers 2 writes');
    expect(await log.lastSeq()).toBe(last);
  });
});
