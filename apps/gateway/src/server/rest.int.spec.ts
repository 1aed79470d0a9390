import { GatewayHarness } from '../testing/harness';

// The REST surface over HTTPS against real NATS + PostgreSQL + the projector: auth, discovery,
// OpenAPI, lists, writes and their errors. Every refused write appends nothing.
let h: GatewayHarness;
beforeAll(async () => { h = await GatewayHarness.start(); }, 60_000);
afterAll(async () => { await h?.stop(); });

const CMS = '/api/v1/namespaces/default/configmaps';
const cm = (name: string, labels: Record<string, string> = {}) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels }, data: { a: '1' } });
const DEPLOY = (name: string, replicas = 1) => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name },
  spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'wake/web:1' }] } } },
});
const merge = { 'Content-Type': 'application/merge-patch+json' };

it('answers 401 without a valid token, and serves health and metrics', async () => {
  expect((await h.request('GET', CMS, undefined, {}, null)).json()).toMatchObject({ kind: 'Status', code: 401, reason: 'Unauthorized' });
  expect((await h.request('GET', CMS, undefined, {}, 'wrong')).status).toBe(401);
  expect((await h.request('GET', '/livez', undefined, {}, null)).text).toBe('ok');
  expect((await h.request('GET', '/readyz', undefined, {}, null)).status).toBe(200);
  await h.request('GET', CMS);
  expect((await h.request('GET', '/metrics')).text).toMatch(/apiserver_request_total\{verb="list",resource="configmaps",code="200"\} \d/);
});

it('serves aggregated discovery only when asked, legacy otherwise, /version and OpenAPI v3', async () => {
  const v2 = await h.request('GET', '/apis', undefined, { Accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json' });
  expect(v2.headers['content-type']).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
  expect((await h.request('GET', '/apis')).json().kind).toBe('APIGroupList');
  expect((await h.request('GET', '/api/v1')).json().resources.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(['pods', 'pods/log', 'pods/binding']));
  expect((await h.request('GET', '/version')).json()).toMatchObject({ major: '1', minor: '32' });
  const root = (await h.request('GET', '/openapi/v3')).json();
  const apps = (await h.request('GET', root.paths['apis/apps/v1'].serverRelativeURL)).json();
  const patch = apps.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch;
  expect(patch['x-kubernetes-group-version-kind']).toEqual({ group: 'apps', version: 'v1', kind: 'Deployment' });
  expect(patch.parameters.map((p: { name: string }) => p.name)).toContain('fieldValidation');
  expect(apps.components.schemas['io.k8s.api.apps.v1.Deployment']).toBeDefined();
});

it('lists with read-your-writes, the consistent resourceVersion, selectors, pages and Tables', async () => {
  for (const n of ['p-1', 'p-2', 'p-3']) await h.request('POST', CMS, cm(n, { page: 'yes' }));
  const full = (await h.request('GET', `${CMS}?labelSelector=page%3Dyes`)).json();
  expect(full.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(['p-1', 'p-2', 'p-3']);
  expect(Number(full.metadata.resourceVersion)).toBeGreaterThanOrEqual(await h.log.lastSeq());
  const p1 = (await h.request('GET', `${CMS}?labelSelector=page&limit=2`)).json();
  expect([p1.items.length, p1.metadata.remainingItemCount]).toEqual([2, 1]);
  const p2 = (await h.request('GET', `${CMS}?labelSelector=page&limit=2&continue=${p1.metadata.continue}`)).json();
  expect(p2.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(['p-3']);
  const table = (await h.request('GET', `${CMS}?labelSelector=page%20in%20(yes)`, undefined, { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' })).json();
  expect(table.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(['Name', 'Data', 'Age']);
  expect(table.rows[0].object.kind).toBe('PartialObjectMetadata');
  expect((await h.request('GET', `${CMS}?fieldSelector=spec.nodeName%3Dx`)).json()).toMatchObject({ code: 400, message: 'field label not supported: spec.nodeName' });
  const del = await h.request('DELETE', `${CMS}?labelSelector=page%3Dyes`);
  expect(del.json().items).toHaveLength(3);
  expect((await h.request('GET', `${CMS}?labelSelector=page`)).json().items).toEqual([]);
});

it('pages filtered lists in PostgreSQL: full pages, the same items as one list, no continue on the last page, bad tokens 400', async () => {
  // 12 ConfigMaps, every third one not matching `fill=yes`, so a page read by key range alone would come up short.
  for (let i = 0; i < 12; i++) await h.request('POST', CMS, cm(`f-${String(i).padStart(2, '0')}`, { fill: i % 3 === 0 ? 'no' : 'yes', n: String(i) }));
  const names = (l: { items: Array<{ metadata: { name: string } }> }) => l.items.map((i) => i.metadata.name);
  const pages = async (selector: string, limit: number) => {
    const out: Array<{ items: Array<{ metadata: { name: string } }>; metadata: { continue?: string; remainingItemCount?: number; resourceVersion: string } }> = [];
    let token: string | undefined;
    do {
      const page = (await h.request('GET', `${CMS}?labelSelector=${encodeURIComponent(selector)}&limit=${limit}${token ? `&continue=${token}` : ''}`)).json();
      out.push(page);
      token = page.metadata.continue;
    } while (token);
    return out;
  };
  // label selectors filtered in SQL (=, in, notin, exists, !) and one paged in memory (gt): the same pages.
  for (const selector of ['fill=yes', 'fill in (yes),n', 'fill notin (no),n', 'fill=yes,!gone', 'fill=yes,n>0']) {
    const whole = (await h.request('GET', `${CMS}?labelSelector=${encodeURIComponent(selector)}`)).json();
    expect([selector, whole.kind]).toEqual([selector, 'ConfigMapList']);
    const all = names(whole);
    expect(all).toHaveLength(8);
    const got = await pages(selector, 3);
    expect(got.map((p) => p.items.length)).toEqual([3, 3, 2]);
    expect(got.map((p) => p.metadata.remainingItemCount)).toEqual([5, 2, undefined]);
    expect(got.flatMap(names)).toEqual(all);
    expect(got[2].metadata).not.toHaveProperty('continue');
    expect(Number(got[2].metadata.resourceVersion)).toBeGreaterThanOrEqual(await h.log.lastSeq());
  }
  // a limit the matching items exactly fill: one page, no continue.
  const exact = await pages('fill=yes', 8);
  expect([exact.length, exact[0].items.length, exact[0].metadata]).toEqual([1, 8, { resourceVersion: exact[0].metadata.resourceVersion }]);
  // tampered tokens: 400 as before (bad encoding, wrong version tag, a start that is no key).
  const token = (await pages('fill=yes', 3))[0].metadata.continue!;
  const bad = [
    'garbage',
    Buffer.from(JSON.stringify({ v: 'wake.2', rv: 1, start: 'default/f-01' })).toString('base64url'),
    Buffer.from(JSON.stringify({ v: 'wake.1', rv: 1, start: 'no-slash' })).toString('base64url'),
    `${token.slice(0, -4)}!!!!`,
  ];
  for (const t of bad) {
    const res = await h.request('GET', `${CMS}?labelSelector=fill%3Dyes&limit=3&continue=${t}`);
    expect([res.status, res.json().reason]).toEqual([400, 'BadRequest']);
  }
  // the token holds only the last key (and a resourceVersion no page checks, as before): a token
  // from another list of the same namespace resumes after that key.
  const other = (await h.request('GET', `${CMS}?labelSelector=fill%3Dno&limit=1`)).json();
  expect(names((await h.request('GET', `${CMS}?labelSelector=fill%3Dyes&limit=2&continue=${other.metadata.continue}`)).json())).toEqual(['f-01', 'f-02']);
  await h.request('DELETE', `${CMS}?labelSelector=fill`);
});

it('refuses stale updates (409), duplicates (409), invalid objects (422) and dry runs, appending nothing', async () => {
  const created = (await h.request('POST', '/apis/apps/v1/namespaces/default/deployments', DEPLOY('web'))).json();
  const before = await h.log.lastSeq();
  const stale = await h.request('PUT', '/apis/apps/v1/namespaces/default/deployments/web', { ...created, metadata: { ...created.metadata, resourceVersion: '1' } });
  expect(stale.json()).toMatchObject({ code: 409, reason: 'Conflict', details: { name: 'web', group: 'apps', kind: 'deployments' } });
  expect((await h.request('POST', '/apis/apps/v1/namespaces/default/deployments', DEPLOY('web'))).json()).toMatchObject({ code: 409, reason: 'AlreadyExists' });
  const invalid = (await h.request('POST', '/apis/apps/v1/namespaces/default/deployments', DEPLOY('neg', -1))).json();
  expect(invalid).toMatchObject({ code: 422, reason: 'Invalid', details: { kind: 'Deployment', causes: [{ field: 'spec.replicas' }] } });
  const dry = await h.request('POST', '/apis/apps/v1/namespaces/default/deployments?dryRun=All', DEPLOY('dry'));
  expect([dry.status, dry.json().metadata.name]).toEqual([201, 'dry']);
  expect((await h.request('PATCH', '/apis/apps/v1/namespaces/default/deployments/web?dryRun=All', { spec: { replicas: 9 } }, merge)).json().spec.replicas).toBe(9);
  expect((await h.request('DELETE', '/apis/apps/v1/namespaces/default/deployments/web', { dryRun: ['All'] })).status).toBe(200);
  expect((await h.request('PATCH', '/apis/apps/v1/namespaces/default/deployments/web', '{}', { 'Content-Type': 'text/plain' })).status).toBe(415);
  expect((await h.request('GET', '/apis/apps/v1/namespaces/default/deployments/web')).json().spec.replicas).toBe(1);
  expect(await h.log.lastSeq()).toBe(before);
});

it("binds as the binding subresource does: one Pod.Bound with nodeName and PodScheduled, Kubernetes' refusals appending nothing", async () => {
  const BIND = '/api/v1/namespaces/default/pods/q/binding';
  const created = (await h.request('POST', '/api/v1/namespaces/default/pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'q' }, spec: { containers: [{ name: 'c', image: 'wake/busybox:1' }] } })).json();
  const before = await h.log.lastSeq();
  expect((await h.request('POST', BIND, { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'q' }, target: {} })).json()).toMatchObject({ code: 422, message: 'Binding "q" is invalid: target.name: Required value' });
  expect((await h.request('POST', BIND, { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'other' }, target: { name: 'node-1' } })).json().code).toBe(400);
  expect((await h.request('POST', BIND, { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'q', uid: 'not-q' }, target: { name: 'node-1' } })).json().code).toBe(409);
  expect((await h.request('POST', `${BIND}?dryRun=All`, { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'q' }, target: { name: 'node-1' } })).status).toBe(201);
  expect(await h.log.lastSeq()).toBe(before);
  const binding = { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'q', uid: created.metadata.uid }, target: { kind: 'Node', name: 'node-1' } };
  expect((await h.request('POST', BIND, binding)).status).toBe(201);
  const last = (await h.log.last({ kind: 'Pod', namespace: 'default', name: 'q' }))!;
  expect([last.type, last.seq]).toEqual(['Pod.Bound', before + 1]);
  const bound = (await h.request('GET', '/api/v1/namespaces/default/pods/q')).json();
  expect(bound.spec.nodeName).toBe('node-1');
  expect(bound.status.conditions).toEqual([expect.objectContaining({ type: 'PodScheduled', status: 'True' })]);
  expect((await h.request('POST', BIND, { ...binding, target: { name: 'node-2' } })).json()).toMatchObject({
    code: 409, message: 'Operation cannot be fulfilled on pods/binding "q": pod q is already assigned to node "node-1"',
  });
  expect(await h.log.lastSeq()).toBe(before + 1);
});

it('serves scale, binding, eviction, graceful deletion and event field selectors', async () => {
  const scale = (await h.request('GET', '/apis/apps/v1/namespaces/default/deployments/web/scale')).json();
  expect(scale).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 1 }, status: { selector: 'app=web' } });
  expect((await h.request('PATCH', '/apis/apps/v1/namespaces/default/deployments/web/scale', { spec: { replicas: 4 } }, merge)).json().spec.replicas).toBe(4);
  expect((await h.request('PUT', '/apis/apps/v1/namespaces/default/deployments/web/scale', { ...scale, spec: { replicas: 2 } })).json().code).toBe(409);
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'wake/busybox:1' }] } };
  expect((await h.request('POST', '/api/v1/namespaces/default/pods', pod)).json().status.phase).toBe('Pending');
  expect((await h.request('POST', '/api/v1/namespaces/default/pods/p/binding', { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'p' }, target: { kind: 'Node', name: 'node-1' } })).status).toBe(201);
  expect((await h.request('POST', '/api/v1/namespaces/default/pods/p/binding', { target: { name: 'node-2' } })).json().code).toBe(409);
  const marked = await h.request('DELETE', '/api/v1/namespaces/default/pods/p');
  expect([marked.status, Boolean(marked.json().metadata.deletionTimestamp)]).toEqual([202, true]);
  const event = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'web.1' }, involvedObject: { kind: 'Deployment', name: 'web', namespace: 'default', uid: 'u1' }, reason: 'Scaled', message: 'scaled', type: 'Normal' };
  await h.request('POST', '/api/v1/namespaces/default/events', event);
  const found = (await h.request('GET', '/api/v1/namespaces/default/events?fieldSelector=involvedObject.name%3Dweb%2CinvolvedObject.uid%3Du1')).json();
  expect(found.items.map((e: { reason: string }) => e.reason)).toEqual(['Scaled']);
  expect((await h.request('GET', '/api/v1/namespaces/default/events?fieldSelector=involvedObject.name%3Dother')).json().items).toEqual([]);
});

it('accepts Protobuf bodies through the same write path, and refuses a kind it does not decode with a 400 Status', async () => {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const pb = { 'Content-Type': 'application/vnd.kubernetes.protobuf', Accept: 'application/vnd.kubernetes.protobuf,application/json' };
  const body = fs.readFileSync(path.join(__dirname, '../protobuf/fixtures/configmap.pb')); // kubectl create configmap cfg --from-literal=…
  const created = await h.request('POST', CMS, body, pb);
  expect(created.status).toBe(201);
  expect(created.headers['content-type']).toMatch(/^application\/json/);
  expect(created.json()).toMatchObject({ kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { GREETING: 'hello', MODE: 'prod' } });
  expect((await h.request('POST', CMS, body, pb)).json()).toMatchObject({ code: 409, reason: 'AlreadyExists' });
  const deployment = fs.readFileSync(path.join(__dirname, '../protobuf/fixtures/deployment.pb'));
  const wrongPlace = await h.request('POST', CMS, deployment, pb);
  expect(wrongPlace.status).toBe(400);
  // runtime.Unknown{typeMeta{apiVersion: autoscaling/v2, kind: HorizontalPodAutoscaler}}: no kubectl generator sends it
  const hpa = Buffer.concat([Buffer.from('k8s\0', 'latin1'), Buffer.from('0a290a0e6175746f7363616c696e672f76321217486f72697a6f6e74616c506f644175746f7363616c6572', 'hex')]);
  const refused = await h.request('POST', '/apis/apps/v1/namespaces/default/deployments', hpa, pb);
  expect(refused.json()).toMatchObject({ kind: 'Status', code: 400, reason: 'BadRequest' });
  expect(refused.json().message).toMatch(/HorizontalPodAutoscaler" in version "autoscaling\/v2"/);
});

it('creates a HorizontalPodAutoscaler from the autoscaling/v1 body `kubectl autoscale` sends, stored and served as autoscaling/v2', async () => {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const pb = { 'Content-Type': 'application/vnd.kubernetes.protobuf', Accept: 'application/vnd.kubernetes.protobuf,application/json' };
  const V1 = '/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers';
  const body = fs.readFileSync(path.join(__dirname, '../protobuf/fixtures/hpa.pb')); // kubectl autoscale deployment busy --cpu-percent=50 --min=1 --max=4
  const created = await h.request('POST', `${V1}?fieldManager=kubectl-autoscale`, body, pb);
  expect(created.status).toBe(201);
  expect(created.json()).toMatchObject({
    apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'busy', namespace: 'default' },
    spec: { scaleTargetRef: { kind: 'Deployment', name: 'busy', apiVersion: 'apps/v1' }, minReplicas: 1, maxReplicas: 4, targetCPUUtilizationPercentage: 50 },
    status: { currentReplicas: 0, desiredReplicas: 0 },
  });
  const stored = (await h.request('GET', '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/busy')).json();
  expect(stored).toMatchObject({ apiVersion: 'autoscaling/v2', spec: { metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] } });
  expect(stored).not.toHaveProperty('status');
  // the v1 body is validated as v2 (minReplicas 0 needs an alpha gate), and only create is served in v1
  const zero = await h.request('POST', V1, { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'z' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'busy' }, minReplicas: 0, maxReplicas: 2 } });
  expect(zero.json()).toMatchObject({ code: 422, reason: 'Invalid', details: { causes: [{ field: 'spec.minReplicas' }] } });
  expect((await h.request('GET', `${V1}/busy`)).status).toBe(404);
  const table = (await h.request('GET', '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers', undefined, { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' })).json();
  expect(table.rows[0].cells.slice(0, 6)).toEqual(['busy', 'Deployment/busy', 'cpu: <unknown>/50%', '1', 4, 0]);
  expect((await h.request('DELETE', '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/busy')).status).toBe(200);
});

it('answers self-reviews (auth can-i, whoami) for the admin, never storing them', async () => {
  const can = await h.request('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
    kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', spec: { resourceAttributes: { verb: 'delete', resource: 'nodes' } },
  });
  expect(can.status).toBe(201);
  expect(can.json()).toMatchObject({ kind: 'SelfSubjectAccessReview', status: { allowed: true } });
  const who = await h.request('POST', '/apis/authentication.k8s.io/v1/selfsubjectreviews', { kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1' });
  expect(who.json().status.userInfo).toEqual({ username: 'wake-admin', groups: ['system:masters', 'system:authenticated'] });
  expect((await h.request('GET', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews')).status).toBe(405);
  expect((await h.request('GET', '/apis/authorization.k8s.io/v1')).json().resources.map((r: { name: string }) => r.name)).toEqual(['selfsubjectaccessreviews', 'selfsubjectrulesreviews']);
});
