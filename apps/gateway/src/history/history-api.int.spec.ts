import fs from 'node:fs';
import path from 'node:path';
import { HistoryStore, LogStream } from '@wake/history';
import { createPool } from '@wake/projection';
import { runWake } from '@wake/testing';
import { runScenario, type ScenarioEvents, type ScenarioPoint } from '../../../../libs/history/src/testing/scenario';
import { GatewayHarness } from '../testing/harness';
import { openStream } from '../testing/stream-client';

// The history API over HTTPS against real NATS + PostgreSQL: each endpoint answers what the
// `wake` command answers for the same recorded story (the CLI runs as a child process on the
// same log and database), bad parameters are 400, unknown objects 404, and the follow form
// streams an event written after it started.
jest.setTimeout(180_000);
const API = '/apis/history.wake.dev/v1';
const POD = 'web-7d4b9-x2x4z';
let h: GatewayHarness;
let story: ScenarioEvents;
const points: ScenarioPoint[] = [];

/** `wake …` on the harness's log and database; stdout. */
async function wake(...args: string[]): Promise<string> {
  const r = await runWake(args, { NATS_URL: h.nats.url, DATABASE_URL: h.gateway.config.databaseUrl, WAKE_HISTORY_SNAPSHOT_EVERY: '4' }, 60_000);
  if (r.code !== 0) throw new Error(`wake ${args.join(' ')}: exit ${r.code}: ${r.stderr}`);
  return r.stdout;
}
const get = async (p: string) => h.request('GET', `${API}${p}`);
const ok = async (p: string) => {
  const r = await get(p);
  if (r.status !== 200) throw new Error(`GET ${p}: ${r.status} ${r.text}`);
  return r.json();
};
const ndjson = (text: string) => text.trim().split('\n').map((l) => JSON.parse(l));

beforeAll(async () => {
  h = await GatewayHarness.start({ historySnapshotEvery: 4 });
  story = await runScenario(h.log, async (name) => {
    const seq = await h.log.lastSeq();
    const stream = await LogStream.open(h.nc, h.log, 'WAKE_EVENTS');
    points.push({ name, seq, time: (await stream.eventAt(seq))!.time });
  });
}, 60_000);
afterAll(async () => { await h?.stop(); });

it('is a discoverable, authenticated API group next to the Kubernetes ones', async () => {
  const groups = (await h.request('GET', '/apis')).json().groups.map((g: { name: string }) => g.name);
  expect(groups).toEqual(expect.arrayContaining(['apps', 'history.wake.dev']));
  expect((await h.request('GET', '/apis/history.wake.dev')).json()).toMatchObject({ kind: 'APIGroup', name: 'history.wake.dev' });
  expect((await ok('')).resources.map((r: { name: string }) => r.name)).toEqual(['state', 'timeline', 'export']);
  const anonymous = await h.request('GET', `${API}/namespaces/default/pods/${POD}/revisions`, undefined, {}, null);
  expect(anonymous.json()).toMatchObject({ kind: 'Status', code: 401 });
});

it('revisions: every revision of the deleted pod, as `wake history -o json`, noise filters and objects included', async () => {
  const doc = await ok(`/namespaces/default/pods/${POD}/revisions`);
  expect(doc).toEqual(JSON.parse(await wake('history', `pod/${POD}`, '-o', 'json')));
  expect(doc.revisions.map((r: { intent: string }) => r.intent)).toEqual(['Created', 'Bound', 'StatusReported', 'StatusReported', 'Deleted']);
  expect(doc.revisions[1]).toMatchObject({ seq: story.bound.seq, type: 'Pod.Bound', actor: 'system:scheduler' });
  expect(doc.revisions[1].changes.map((c: { path: string }) => c.path)).toContain('spec.nodeName');

  const quiet = await ok(`/namespaces/default/pods/${POD}/revisions?hideStatus=true&objects=true`);
  expect(quiet).toEqual(JSON.parse(await wake('history', `pod/${POD}`, '--no-status', '--all', '-o', 'json')));
  expect([quiet.hidden, quiet.revisions.map((r: { intent: string }) => r.intent)]).toEqual([2, ['Created', 'Bound', 'Deleted']]);
  expect(quiet.revisions[1].object.spec.nodeName).toBe('node-b');

  const lease = await ok('/namespaces/kube-node-lease/leases.coordination.k8s.io/node-b/revisions?hideHeartbeats=1');
  expect([lease.hidden, lease.revisions.map((r: { intent: string }) => r.intent)]).toEqual([3, ['Created']]);
  expect((await ok('/nodes/node-a/revisions')).revisions[0]).toMatchObject({ type: 'Node.Created', actor: 'system:node:node-a' });
});

it('state: the objects at a sequence or a time as `wake state --at`, with the snapshot it started from', async () => {
  const [a, b, c] = points;
  for (const p of [a, b, c]) {
    const doc = await ok(`/state?at=${p.seq}&kind=pods`);
    const cli = JSON.parse(await wake('state', '--at', String(p.seq), 'pods', '-o', 'json'));
    expect(doc.items).toEqual(cli.items);
    expect(doc.metadata.resourceVersion).toBe(cli.metadata.resourceVersion);
    expect(doc.at.seq).toBe(p.seq);
    expect(doc.fromSnapshot).toBeGreaterThan(0); // a snapshot every 4 events
    expect(doc.replayed).toBeLessThanOrEqual(4);
  }
  const atB = await ok(`/namespaces/default/state?at=${encodeURIComponent(b.time)}&kind=po`);
  expect(atB.at.seq).toBeGreaterThanOrEqual(b.seq);
  expect(atB.items.map((p: { status: { phase: string } }) => p.status.phase)).toEqual(['Running']);
  const all = await ok(`/state?at=${c.seq}`);
  expect(all.items).toEqual(JSON.parse(await wake('state', '--at', String(c.seq), '-o', 'json')).items);
  expect(all.items.find((o: { kind: string }) => o.kind === 'Deployment').spec.replicas).toBe(3);
});

it('why: the causal chain as `wake why -o json`', async () => {
  const doc = await ok(`/namespaces/default/pods/${POD}/why`);
  expect(doc).toEqual(JSON.parse(await wake('why', `pod/${POD}`, '-o', 'json')));
  expect(doc.steps.map((s: { type: string; actor: string }) => `${s.type} ${s.actor}`)).toEqual([
    'Deployment.Created user:alice', 'ReplicaSet.Created system:controllers', 'Pod.Created system:controllers', 'Pod.Bound system:scheduler',
    'Pod.StatusReported system:node:node-b', 'Pod.StatusReported system:node:node-b', 'Pod.Deleted user:alice',
  ]);
  expect(doc.steps[3].reasons).toEqual(['rejected node-a: NodeResourcesFit: Insufficient cpu', 'chose  node-b: total 88 (NodeResourcesBalancedAllocation 88)']);
});

it('timeline: by owner and by selector, as `wake timeline -o json`', async () => {
  const owned = await ok('/timeline?owner=deployment/web&hideStatus=true');
  expect(owned.items).toEqual(ndjson(await wake('timeline', '--owner', 'deployment/web', '--no-status', '-o', 'json')));
  expect(owned.items.map((t: { type: string }) => t.type)).toEqual(['Deployment.Created', 'ReplicaSet.Created', 'Pod.Created', 'Pod.Bound', 'Deployment.Scaled', 'Pod.Deleted']);
  const labelled = await ok('/namespaces/default/timeline?labelSelector=app%3Dweb&kind=pod');
  expect(labelled.items).toEqual(ndjson(await wake('timeline', '-l', 'app=web', '--kind', 'pod', '-n', 'default', '-o', 'json')));
  expect(labelled.items.map((t: { seq: number }) => t.seq)).toEqual([story.podCreated, story.bound, story.running, story.crashed, story.podDeleted].map((e) => e.seq));
  const [since, until] = [points[1].time, points[2].time];
  const window = await ok(`/timeline?since=${encodeURIComponent(since)}&until=${encodeURIComponent(until)}&kind=leases`);
  expect(window.items).toEqual(ndjson(await wake('timeline', '--since', since, '--until', until, '--kind', 'leases', '-o', 'json')));
  expect(window.items.map((t: { seq: number }) => t.seq)).toEqual(expect.arrayContaining(story.leaseRenewals.map((e) => e.seq)));
});

it('export: the slice in `wake export`\'s file format', async () => {
  const [from, to] = [story.deployment.seq, story.podDeleted.seq];
  const r = await get(`/namespaces/default/export?from=${from}&to=${to}`);
  expect(r.status).toBe(200);
  expect(r.headers['content-type']).toBe('application/x-ndjson');
  const file = path.join(h.home, 'slice.ndjson');
  await wake('export', '--from', String(from), '--to', String(to), '-n', 'default', '-o', file);
  const [apiHeader, ...apiEvents] = ndjson(r.text);
  const [cliHeader, ...cliEvents] = ndjson(fs.readFileSync(file, 'utf8'));
  expect(apiEvents).toEqual(cliEvents);
  expect({ ...apiHeader, exportedAt: 'x' }).toEqual({ ...cliHeader, exportedAt: 'x' });
  expect(apiHeader).toMatchObject({ wakeLogSlice: 1, stream: 'WAKE_EVENTS', from, to });
  expect(apiEvents.length).toBe(to - from + 1 - 3); // the lease renewals are in kube-node-lease
  const capped = ndjson((await get(`/export?from=${to}&to=999999`)).text);
  expect(capped[0].to).toBe(await h.log.lastSeq());
});

it('export?withState=true: the objects just before `from` after the header, as `wake export --with-state`', async () => {
  const [from, to] = [story.bound.seq, story.podDeleted.seq];
  const api = ndjson((await get(`/namespaces/default/export?from=${from}&to=${to}&withState=true`)).text);
  const file = path.join(h.home, 'with-state.ndjson');
  await wake('export', '--from', String(from), '--to', String(to), '-n', 'default', '--with-state', '-o', file);
  const cli = ndjson(fs.readFileSync(file, 'utf8'));
  expect(api.slice(1)).toEqual(cli.slice(1));
  expect({ ...api[0], exportedAt: 'x' }).toEqual({ ...cli[0], exportedAt: 'x' });
  const stateLines = api.slice(1).filter((l: object) => 'wakeSliceSeed' in l);
  expect(stateLines.length).toBeGreaterThan(0); // the Deployment, its ReplicaSet and the pod existed before the binding
  const plain = ndjson((await get(`/namespaces/default/export?from=${from}&to=${to}`)).text);
  expect(api.length - plain.length).toBe(stateLines.length);
});

it('answers bad parameters with 400, unknown objects and paths with 404, writes with 405 — as Status', async () => {
  const status = async (p: string, method = 'GET') => {
    const r = await h.request(method, `${API}${p}`);
    expect(r.json()).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code: r.status });
    return r.status;
  };
  for (const p of ['/state', '/state?at=yesterday', '/state?at=5&kind=widgets', `/namespaces/default/pods/${POD}/revisions?hideStatus=maybe`,
    '/timeline?since=soon', '/timeline?labelSelector=app%20in%20(', '/timeline?owner=web', '/timeline?since=1m&until=10m',
    '/timeline?follow=true&timeoutSeconds=0', '/export?from=x&to=5', '/export?from=9&to=5', '/export?to=5', '/namespaces/%zz/state?at=1', '/state?at=999999999', '/state?at=2999-01-01T00:00:00Z']) {
    expect([p, await status(p)]).toEqual([p, 400]);
  }
  for (const p of ['/namespaces/default/pods/nope/revisions', '/namespaces/default/pods/nope/why', '/namespaces/default/widgets/x/revisions',
    `/pods/${POD}/revisions`, '/namespaces/default/nodes/node-a/why', '/pods', '/namespaces/default/pods/x/log']) {
    expect([p, await status(p)]).toEqual([p, 404]);
  }
  expect(await status('/state?at=1', 'POST')).toBe(405);
  // A malformed path anywhere is a 400 (it used to reject inside the error handler).
  expect((await h.request('GET', '/api/v1/namespaces/%zz/pods')).json()).toMatchObject({ kind: 'Status', code: 400 });
  expect((await h.request('GET', '/livez')).text).toBe('ok');
});

it('follows a timeline: a new event written after the stream started arrives, and the stream ends with the client', async () => {
  const s = await openStream(h, `${API}/namespaces/default/timeline?kind=configmaps&follow=true`);
  expect(s.status).toBe(200);
  const created = await h.request('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'live' }, data: { a: '1' } });
  expect(created.status).toBe(201);
  const [line] = await s.waitForLines(1, 20_000);
  expect(JSON.parse(line)).toMatchObject({
    type: 'EVENT', object: { seq: Number(created.json().metadata.resourceVersion), type: 'ConfigMap.Created', actor: 'user:wake-admin', object: 'ConfigMap/default/live' },
  });
  const open = () => h.request('GET', '/metrics').then((r) => /apiserver_longrunning_requests\{verb="watch",resource="history\/timeline"\} (\d+)/.exec(r.text)?.[1]);
  expect(await open()).toBe('1');
  s.close();
  const deadline = Date.now() + 10_000;
  while ((await open()) !== '0' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  expect(await open()).toBe('0');

  const timed = await openStream(h, `${API}/timeline?kind=configmaps&follow=true&timeoutSeconds=1`);
  await timed.ended;
  expect(timed.lines.map((l) => JSON.parse(l).object.type)).toEqual(['ConfigMap.Created']);
});

it('catches the history index up before answering, however far behind it is', async () => {
  const created = (await h.request('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'late' } })).json();
  const rv = Number(created.metadata.resourceVersion);
  const doc = await ok(`/namespaces/default/state?at=${rv}&kind=configmaps`);
  expect(doc.items.map((o: { metadata: { name: string } }) => o.metadata.name)).toEqual(['late', 'live']);
  const pool = createPool(h.gateway.config.databaseUrl, 1);
  try {
    const store = new HistoryStore(pool);
    expect(await store.checkpoint()).toBeGreaterThanOrEqual(rv);
    expect(await store.indexedCount()).toBe(await h.log.lastSeq());
  } finally {
    await pool.end();
  }
});
