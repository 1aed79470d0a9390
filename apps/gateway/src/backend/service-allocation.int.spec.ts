import { GatewayHarness } from '../testing/harness';

// Service writes through the gateway allocate ClusterIPs and NodePorts through the log (issue 8):
// create, headless, a requested value already held (422, nothing leaked), PATCH to NodePort, delete.
let h: GatewayHarness;
beforeAll(async () => { h = await GatewayHarness.start(); }, 60_000);
afterAll(async () => { await h?.stop(); });

const SVCS = '/api/v1/namespaces/default/services';
const svc = (name: string, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector: { app: name }, ports: [{ port: 80 }], ...spec },
});
const names = async (path: string) => ((await h.request('GET', path)).json().items as Array<{ metadata: { name: string } }>).map((o) => o.metadata.name);
const IPS = '/apis/networking.k8s.io/v1beta1/ipaddresses';
const PORTS = '/apis/internal.wake.dev/v1alpha1/nodeportallocations';

it('has the kubernetes Service on the range\'s first address', async () => {
  const k = (await h.request('GET', `${SVCS}/kubernetes`)).json();
  expect(k.spec.clusterIP).toBe('127.100.0.1');
  expect(await names(IPS)).toContain('127.100.0.1');
});

it('allocates on create, refuses a taken value without leaking, allocates on PATCH and frees on delete', async () => {
  const a = await h.request('POST', SVCS, svc('alloc-a', { type: 'NodePort' }));
  expect(a.status).toBe(201);
  const ip = a.json().spec.clusterIP as string;
  const port = a.json().spec.ports[0].nodePort as number;
  expect(ip).toMatch(/^127\.100\./);
  expect(port).toBeGreaterThanOrEqual(30000);
  expect(await names(IPS)).toContain(ip);
  expect(await names(PORTS)).toContain(String(port));

  const headless = await h.request('POST', SVCS, svc('alloc-headless', { clusterIP: 'None' }));
  expect(headless.status).toBe(201);
  expect(headless.json().spec.clusterIP).toBe('None');

  const taken = await h.request('POST', SVCS, svc('alloc-taken', { type: 'NodePort', ports: [{ port: 80, nodePort: port }] }));
  expect(taken.status).toBe(422);
  expect(taken.json().message).toMatch(/already allocated/);
  expect((await h.request('GET', `${SVCS}/alloc-taken`)).status).toBe(404);
  const ipsBefore = await names(IPS);

  const b = await h.request('POST', SVCS, svc('alloc-b'));
  const bIP = b.json().spec.clusterIP as string;
  expect(b.json().spec.ports[0].nodePort).toBeUndefined();
  expect(ipsBefore).not.toContain(bIP);
  const patched = await h.request('PATCH', `${SVCS}/alloc-b`, { spec: { type: 'NodePort' } }, { 'Content-Type': 'application/merge-patch+json' });
  expect(patched.status).toBe(200);
  expect(patched.json().spec.clusterIP).toBe(bIP);
  const bPort = patched.json().spec.ports[0].nodePort as number;
  expect(bPort).toBeGreaterThanOrEqual(30000);
  expect(await names(PORTS)).toContain(String(bPort));

  // Back to ClusterIP: the NodePort is freed once the update is stored.
  const back = await h.request('PATCH', `${SVCS}/alloc-b`, { spec: { type: 'ClusterIP', ports: [{ port: 80 }] } }, { 'Content-Type': 'application/merge-patch+json' });
  expect(back.status).toBe(200);
  expect(await names(PORTS)).not.toContain(String(bPort));

  for (const n of ['alloc-a', 'alloc-b']) expect((await h.request('DELETE', `${SVCS}/${n}`)).status).toBe(200);
  expect(await names(IPS)).not.toEqual(expect.arrayContaining([ip]));
  expect(await names(IPS)).not.toContain(bIP);
  expect(await names(PORTS)).not.toContain(String(port));
});

it('names the generated Service in its allocation (generateName)', async () => {
  const r = await h.request('POST', SVCS, { apiVersion: 'v1', kind: 'Service', metadata: { generateName: 'gen-' }, spec: { ports: [{ port: 80 }] } });
  expect(r.status).toBe(201);
  const { metadata, spec } = r.json();
  const ip = (await h.request('GET', `${IPS}/${spec.clusterIP}`)).json();
  expect(ip.spec.parentRef).toMatchObject({ resource: 'services', namespace: 'default', name: metadata.name });
});
