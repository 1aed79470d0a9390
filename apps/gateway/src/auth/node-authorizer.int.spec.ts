import https from 'node:https';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GatewayHarness } from '../testing/harness';

// Kubernetes' Node authorizer at the gateway: with a node's credentials (a token file's
// system:node:<name> in system:nodes) a Secret, ConfigMap or claim reads only when a pod bound to
// that node references it. Real NATS + PostgreSQL + the projector.
let h: GatewayHarness;
const NODE_TOKEN = 'node-a-token';
beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wake-node-authz-'));
  const tokenFile = path.join(dir, 'tokens.csv');
  fs.writeFileSync(tokenFile, `${NODE_TOKEN},system:node:node-a,uid-node-a,"system:nodes"\n`);
  h = await GatewayHarness.start({ tokenFile });
  const secret = (name: string) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name }, stringData: { k: name } });
  for (const name of ['db', 'other', 'later']) expect((await h.request('POST', '/api/v1/namespaces/default/secrets', secret(name))).status).toBe(201);
  await h.request('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-conf' }, data: { a: '1' } });
  await h.request('POST', '/api/v1/namespaces/default/pods', pod('web', 'node-a', { envFrom: [{ secretRef: { name: 'db' } }] }, [{ name: 'conf', configMap: { name: 'web-conf' } }]));
  await h.request('POST', '/api/v1/namespaces/default/pods', pod('elsewhere', 'node-b', { envFrom: [{ secretRef: { name: 'other' } }] }));
}, 60_000);
afterAll(async () => { await h?.stop(); });

function pod(name: string, nodeName: string, container: Record<string, unknown>, volumes: unknown[] = []) {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { nodeName, containers: [{ name: 'c', image: 'wake/busybox:1', ...container }], volumes } };
}
const asNode = (method: string, url: string, body?: unknown) => h.request(method, url, body, {}, NODE_TOKEN);
const SECRETS = '/api/v1/namespaces/default/secrets';

it('reads the Secret and ConfigMap its pod uses, and a single Secret by field selector', async () => {
  const got = await asNode('GET', `${SECRETS}/db`);
  expect([got.status, got.json().metadata.name]).toEqual([200, 'db']);
  expect((await asNode('GET', '/api/v1/namespaces/default/configmaps/web-conf')).status).toBe(200);
  const list = await asNode('GET', `${SECRETS}?fieldSelector=metadata.name%3Ddb`);
  expect([list.status, list.json().items.map((s: { metadata: { name: string } }) => s.metadata.name)]).toEqual([200, ['db']]);
  expect((await asNode('GET', '/api/v1/namespaces/default/pods')).status).toBe(200); // other kinds: not restricted here
});

it("is refused another node's pod's Secret, whole lists, writes and the history API, with Kubernetes' 403", async () => {
  expect((await asNode('GET', `${SECRETS}/other`)).json()).toEqual({
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'Forbidden', code: 403,
    message: 'secrets "other" is forbidden: User "system:node:node-a" cannot get resource "secrets" in API group "" in the namespace "default": no relationship found between node \'node-a\' and this object',
    details: { name: 'other', group: '', kind: 'secrets' },
  });
  expect((await asNode('GET', SECRETS)).json()).toMatchObject({
    code: 403, message: 'secrets is forbidden: User "system:node:node-a" cannot list resource "secrets" in API group "" in the namespace "default": No Object name found',
  });
  expect((await asNode('GET', '/api/v1/secrets')).json().code).toBe(403);
  const before = await h.log.lastSeq();
  const db = (await h.request('GET', `${SECRETS}/db`)).json();
  expect((await asNode('PUT', `${SECRETS}/db`, { ...db, data: { k: 'eA==' } })).json()).toMatchObject({
    code: 403, message: expect.stringContaining('cannot update resource "secrets" in API group "" in the namespace "default": can only read resources of this type'),
  });
  expect(await h.log.lastSeq()).toBe(before);
  expect((await asNode('GET', '/apis/history.wake.dev/v1/state')).json()).toMatchObject({ code: 403, message: 'forbidden: User "system:node:node-a" cannot get path "/apis/history.wake.dev/v1/state"' });
  expect((await h.request('GET', `${SECRETS}/other`)).status).toBe(200); // the admin reads everything
});

it('reads a Secret as soon as a pod bound to it references it (read your writes)', async () => {
  expect((await asNode('GET', `${SECRETS}/later`)).status).toBe(403);
  expect((await h.request('POST', '/api/v1/namespaces/default/pods', pod('late', 'node-a', {}, [{ name: 's', secret: { secretName: 'later' } }]))).status).toBe(201);
  expect((await asNode('GET', `${SECRETS}/later`)).status).toBe(200);
});

it('may not exec, attach or port-forward into a pod, even its own: 403 before any upgrade', async () => {
  const upgrade = (sub: string, protocol: string) => new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = https.request(new URL(`/api/v1/namespaces/default/pods/web/${sub}?command=true`, h.url), {
      method: 'GET', ca: h.caCert,
      headers: { Authorization: `Bearer ${NODE_TOKEN}`, Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Protocol': protocol },
    });
    req.on('response', (res) => { let body = ''; res.on('data', (d) => { body += d; }); res.on('end', () => resolve({ status: res.statusCode ?? 0, body })); });
    req.on('upgrade', (res, socket) => { socket.destroy(); resolve({ status: res.statusCode ?? 0, body: '' }); });
    req.on('error', reject);
    req.end();
  });
  for (const [sub, protocol] of [['exec', 'v5.channel.k8s.io'], ['attach', 'v5.channel.k8s.io'], ['portforward', 'SPDY/3.1+portforward.k8s.io']]) {
    const r = await upgrade(sub, protocol);
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body)).toMatchObject({ kind: 'Status', code: 403, message: `pods "web" is forbidden: User "system:node:node-a" cannot create resource "pods/${sub}" in API group "" in the namespace "default"` });
  }
});
