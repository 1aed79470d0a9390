import http from 'node:http';
import net from 'node:net';
import { groupByService, type EndpointSlice, type Service } from '@wake/services';
import { ServiceProxy } from './service-proxy';
import { get, httpBackend, loopbackBlock, udpAsk, udpEchoBackend, type TestBackend } from './test-backends';

// Everything on loopback: ClusterIPs in 127.100/16, a node address and backends elsewhere in 127/8.
const clusterIP = loopbackBlock(100)(0);
const node = loopbackBlock(0)(0);
const pods = loopbackBlock(1);
const NODE_PORT = 30000 + Math.floor(Math.random() * 2700);

function webService(edit: (s: Service) => void = () => undefined): Service {
  const s: Service = {
    apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' },
    spec: { type: 'NodePort', clusterIP, ports: [{ name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP', nodePort: NODE_PORT }, { name: 'echo', port: 5353, protocol: 'UDP' }], sessionAffinity: 'None' },
  };
  edit(s);
  return s;
}

function slices(entries: Array<[TestBackend, boolean] | TestBackend>, udp: TestBackend[] = []): EndpointSlice[] {
  const eps = entries.map((e) => (Array.isArray(e) ? e : [e, true] as [TestBackend, boolean]));
  const http: EndpointSlice[] = eps.map(([b, ready]) => ({
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
    metadata: { name: `web-${b.name}`, namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
    ports: [{ name: 'http', port: b.port, protocol: 'TCP' }],
    endpoints: [{ addresses: [b.ip], conditions: { ready, serving: ready, terminating: false } }],
  }));
  const dns: EndpointSlice[] = udp.map((b) => ({
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
    metadata: { name: `web-udp-${b.name}`, namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
    ports: [{ name: 'echo', port: b.port, protocol: 'UDP' }],
    endpoints: [{ addresses: [b.ip], conditions: { ready: true } }],
  }));
  return [...http, ...dns];
}

let a: TestBackend;
let b: TestBackend;
let ua: TestBackend;
let ub: TestBackend;
let proxy: ServiceProxy;

beforeAll(async () => {
  [a, b] = await Promise.all([httpBackend('pod-a', pods(1)), httpBackend('pod-b', pods(2))]);
  [ua, ub] = await Promise.all([udpEchoBackend('pod-a', pods(1)), udpEchoBackend('pod-b', pods(2))]);
  proxy = new ServiceProxy({ nodeAddress: node });
});
afterAll(async () => {
  await proxy.close();
  await Promise.all([a, b, ua, ub].map((x) => x.close()));
});

const ask = async (n: number, ip = node, port = NODE_PORT) => {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(await get(ip, port));
  return out;
};

it('balances round-robin over two ready backends on the NodePort and on the ClusterIP', async () => {
  await proxy.sync([webService()], groupByService(slices([a, b])));
  expect(proxy.status().map((l) => `${l.protocol} ${l.ip}:${l.port} ${l.state}`).sort()).toEqual([
    `TCP ${clusterIP}:8080 listening`, `TCP ${node}:${NODE_PORT} listening`, `UDP ${clusterIP}:5353 listening`,
  ].sort());
  const viaNodePort = await ask(6);
  expect(viaNodePort.filter((x) => x === 'pod-a')).toHaveLength(3);
  expect(viaNodePort.filter((x) => x === 'pod-b')).toHaveLength(3);
  expect(new Set(await ask(4, clusterIP, 8080))).toEqual(new Set(['pod-a', 'pod-b']));
});

it('stops sending to a removed backend within a second, and never to a not-ready one', async () => {
  await proxy.sync([webService()], slices([a, b]));
  const t0 = Date.now();
  await proxy.sync([webService()], slices([a]));
  expect(await ask(6)).toEqual(Array(6).fill('pod-a'));
  expect(Date.now() - t0).toBeLessThan(1000);
  const before = b.requests;
  await proxy.sync([webService()], slices([a, [b, false]]));
  expect(await ask(6)).toEqual(Array(6).fill('pod-a'));
  expect(b.requests).toBe(before);
});

it('drains: a connection open to a removed backend keeps working, new ones go elsewhere', async () => {
  await proxy.sync([webService()], slices([b]));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  expect(await get(node, NODE_PORT, { agent })).toBe('pod-b');
  await proxy.sync([webService()], slices([a]));
  expect(await get(node, NODE_PORT, { agent })).toBe('pod-b'); // same kept-alive connection
  expect(await get(node, NODE_PORT)).toBe('pod-a');
  agent.destroy();
});

it('sticks a client address to its backend with sessionAffinity ClientIP', async () => {
  await proxy.sync([webService((s) => { s.spec!.sessionAffinity = 'ClientIP'; s.spec!.sessionAffinityConfig = { clientIP: { timeoutSeconds: 30 } }; })], slices([a, b]));
  const from = async (client: string) => { const out = new Set<string>(); for (let i = 0; i < 4; i++) out.add(await get(node, NODE_PORT, { localAddress: client })); return out; };
  const one = await from(pods(10));
  const two = await from(pods(11));
  expect(one.size).toBe(1);
  expect(two.size).toBe(1);
});

it('forwards UDP per client session, round-robin', async () => {
  await proxy.sync([webService()], slices([a, b], [ua, ub]));
  const replies = [];
  for (let i = 0; i < 4; i++) replies.push(await udpAsk(clusterIP, 5353, `ping-${i}`));
  // Each session goes to the next backend: an even split, whichever backend the rotation starts at.
  expect(replies.map((r, i) => r.endsWith(`:ping-${i}`))).toEqual([true, true, true, true]);
  const first = replies[0].split(':')[0];
  expect(replies.map((r) => r.split(':')[0])).toEqual([first, first === 'pod-a' ? 'pod-b' : 'pod-a', first, first === 'pod-a' ? 'pod-b' : 'pod-a']);
});

it('refuses connections when no backend is ready, and closes the ports of a deleted Service', async () => {
  await proxy.sync([webService()], slices([[a, false]]));
  await expect(get(node, NODE_PORT)).rejects.toThrow(/ECONNRESET|socket hang up/);
  await proxy.sync([], []);
  expect(proxy.status()).toEqual([]);
  const refused = (ip: string, port: number) => new Promise<string>((resolve) => {
    const s = net.connect(port, ip);
    s.on('connect', () => { s.destroy(); resolve('connected'); });
    s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
  });
  expect(await refused(node, NODE_PORT)).toBe('ECONNREFUSED');
  expect(await refused(clusterIP, 8080)).toBe('ECONNREFUSED');
});
