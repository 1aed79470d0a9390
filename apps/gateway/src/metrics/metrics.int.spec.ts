import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { metricsSubject, type MetricsSnapshot } from '@wake/node-api';
import { GatewayHarness } from '../testing/harness';

// The resource metrics API at the gateway over real NATS + PostgreSQL + the projector: objects and
// labels from the projection, usage from the node agents' answers on core NATS (node-a answers with
// a scripted snapshot; node-b has no agent at all and is left out at once, not after a timeout).
let h: GatewayHarness;
const NODE_TOKEN = 'metrics-node-token';
const uids: Record<string, string> = {};
let stopAgent: () => void = () => undefined;

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wake-metrics-'));
  fs.writeFileSync(path.join(dir, 'tokens.csv'), `${NODE_TOKEN},system:node:node-a,uid-node-a,"system:nodes"\n`);
  h = await GatewayHarness.start({ tokenFile: path.join(dir, 'tokens.csv') });
  for (const [name, labels] of [['node-a', { zone: 'a' }], ['node-b', { zone: 'b' }]] as const) {
    expect((await h.request('POST', '/api/v1/nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name, labels } })).status).toBe(201);
  }
  const pod = (name: string, nodeName: string, app: string) => ({
    apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app } }, spec: { nodeName, containers: [{ name: 'main', image: 'wake/busybox:1' }] },
  });
  for (const [name, node, app] of [['web-1', 'node-a', 'web'], ['db-1', 'node-a', 'db'], ['far', 'node-b', 'web'], ['fresh', 'node-a', 'web']]) {
    const r = await h.request('POST', '/api/v1/namespaces/default/pods', pod(name, node, app));
    expect(r.status).toBe(201);
    uids[name] = r.json().metadata.uid;
  }
  // What node-a's agent knows: web-1 and db-1 (fresh has no second sample yet), plus a pod of the same
  // name as a deleted one (another uid) that must not be matched.
  const snapshot: MetricsSnapshot = {
    node: 'node-a', timestamp: '2026-01-01T00:00:15.000Z', windowSeconds: 15.001, usage: { cpu: '750m', memory: '2Gi' },
    pods: [
      { namespace: 'default', name: 'web-1', uid: uids['web-1'], containers: [{ name: 'main', usage: { cpu: '300m', memory: '34Mi' } }] },
      { namespace: 'default', name: 'db-1', uid: uids['db-1'], containers: [{ name: 'main', usage: { cpu: '1m', memory: '12Ki' } }] },
      { namespace: 'default', name: 'fresh', uid: 'an-older-pod', containers: [{ name: 'main', usage: { cpu: '5m', memory: '1Mi' } }] },
    ],
  };
  const sub = h.nc.subscribe(metricsSubject('node-a'), { callback: (_e, m) => m.respond(JSON.stringify(snapshot)) });
  stopAgent = () => sub.unsubscribe();
}, 60_000);
afterAll(async () => { stopAgent(); await h?.stop(); });

const V1 = '/apis/metrics.k8s.io/v1beta1';
const names = (l: { items: Array<{ metadata: { name: string } }> }) => l.items.map((i) => i.metadata.name);

it('is discoverable, as kubectl top checks before every run', async () => {
  const groups = (await h.request('GET', '/apis')).json().groups.map((g: { name: string }) => g.name);
  expect(groups).toContain('metrics.k8s.io');
  expect((await h.request('GET', '/apis/metrics.k8s.io')).json()).toMatchObject({ kind: 'APIGroup', preferredVersion: { groupVersion: 'metrics.k8s.io/v1beta1' } });
  expect((await h.request('GET', V1)).json().resources.map((r: { name: string; kind: string }) => `${r.name}:${r.kind}`)).toEqual(['nodes:NodeMetrics', 'pods:PodMetrics']);
  expect((await h.request('GET', `${V1}/widgets`)).status).toBe(404);
  expect((await h.request('POST', `${V1}/nodes`, {})).status).toBe(405);
});

it('lists pod metrics by namespace, across namespaces and by label, matching pods by uid', async () => {
  const t0 = Date.now();
  const list = (await h.request('GET', `${V1}/namespaces/default/pods`)).json();
  expect(Date.now() - t0).toBeLessThan(1_500); // node-b has no responder: no 2 s wait for it
  expect(list).toMatchObject({ kind: 'PodMetricsList', apiVersion: 'metrics.k8s.io/v1beta1', metadata: {} });
  expect(names(list).sort()).toEqual(['db-1', 'web-1']);
  expect(list.items.find((i: { metadata: { name: string } }) => i.metadata.name === 'web-1')).toMatchObject({
    metadata: { namespace: 'default', labels: { app: 'web' } }, timestamp: '2026-01-01T00:00:15.000Z', window: '15.001s',
    containers: [{ name: 'main', usage: { cpu: '300m', memory: '34Mi' } }],
  });
  expect(names((await h.request('GET', `${V1}/pods`)).json()).sort()).toEqual(['db-1', 'web-1']);
  expect(names((await h.request('GET', `${V1}/namespaces/default/pods?labelSelector=app%3Dweb`)).json())).toEqual(['web-1']);
  expect(names((await h.request('GET', `${V1}/namespaces/other/pods`)).json())).toEqual([]);
});

it('gets one pod, and answers 404 as metrics-server for a pod without metrics', async () => {
  expect((await h.request('GET', `${V1}/namespaces/default/pods/db-1`)).json()).toMatchObject({ kind: 'PodMetrics', metadata: { name: 'db-1' }, containers: [{ usage: { cpu: '1m' } }] });
  for (const name of ['nope', 'fresh', 'far']) {
    expect((await h.request('GET', `${V1}/namespaces/default/pods/${name}`)).json()).toMatchObject({
      kind: 'Status', code: 404, reason: 'NotFound', message: `podmetrics.metrics.k8s.io "${name}" not found`,
    });
  }
});

it('lists node metrics for the nodes whose agent answered, by label too', async () => {
  const list = (await h.request('GET', `${V1}/nodes`)).json();
  expect(list).toMatchObject({ kind: 'NodeMetricsList', items: [{ metadata: { name: 'node-a', labels: { zone: 'a' } }, window: '15.001s', usage: { cpu: '750m', memory: '2Gi' } }] });
  expect(names(list)).toEqual(['node-a']);
  expect(names((await h.request('GET', `${V1}/nodes?labelSelector=zone%3Db`)).json())).toEqual([]);
  expect((await h.request('GET', `${V1}/nodes/node-a`)).json()).toMatchObject({ kind: 'NodeMetrics', usage: { cpu: '750m' } });
  expect((await h.request('GET', `${V1}/nodes/node-b`)).json()).toMatchObject({ code: 404, message: 'nodemetrics.metrics.k8s.io "node-b" not found' });
});

it('is not for node credentials (upstream system:node grants no metrics.k8s.io), discovery aside', async () => {
  const asNode = (url: string) => h.request('GET', url, undefined, {}, NODE_TOKEN);
  expect((await asNode(`${V1}/namespaces/default/pods`)).json()).toMatchObject({
    code: 403, message: 'pods.metrics.k8s.io is forbidden: User "system:node:node-a" cannot list resource "pods" in API group "metrics.k8s.io" in the namespace "default"',
  });
  expect((await asNode(`${V1}/nodes/node-a`)).json().code).toBe(403);
  expect((await asNode(V1)).status).toBe(200);
});
