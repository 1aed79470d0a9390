import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Resolver } from 'node:dns/promises';
import { TestCluster, waitUntil } from '@wake/testing';

// Issue 8's acceptance through the real kubectl on two real node agents (real Docker): a two-replica
// Deployment behind a NodePort Service answers on both node addresses from both pods; a pod failing
// readiness gets no traffic; scaled to one, only that pod answers; the cluster DNS names the Service;
// from inside a pod, the Service answers by its names and a pod on the same node by its address;
// deleting the Service closes its NodePort on every node and frees its allocations. Traffic goes only
// to 127.0.0.0/8 and to the pods (on the pod networks) this test created.
// The cluster DNS listens on port 53 of each node's own loopback address (127.0.<x>.2…): resolv.conf has no port.
const DNS_PORT = 53;
let c: TestCluster;
beforeAll(async () => { c = await TestCluster.start({ nodes: 2, env: { node: { WAKE_DNS_PORT: String(DNS_PORT) } } }); }, 180_000);
afterAll(async () => { await c?.stop(); }, 120_000);

const manifest = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      terminationGracePeriodSeconds: 2
      containers:
        - name: web
          image: wake/web:1
          imagePullPolicy: Never
          ports: [{ containerPort: 80, name: http }]
          readinessProbe:
            httpGet: { path: /, port: http }
            periodSeconds: 1
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  type: NodePort
  selector: { app: web }
  ports: [{ port: 80, targetPort: http }]
`;

const json = async (args: string[]) => {
  const r = await c.kubectl([...args, '-o', 'json']);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')}: ${r.stderr}`);
  return JSON.parse(r.stdout);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One GET on a new connection (so the proxy balances each request): the body, trimmed. */
function get(host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host, port, path: '/', agent: false, timeout: 3_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => { body += d; });
      res.on('end', () => (res.statusCode === 200 ? resolve(body.trim()) : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

async function answers(host: string, port: number, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(await get(host, port));
  return out;
}

const refused = (host: string, port: number) => new Promise<boolean>((resolve) => {
  const s = net.connect({ host, port });
  s.once('connect', () => { s.destroy(); resolve(false); });
  s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED'));
});

const readyPods = async () => (await json(['get', 'pods', '-l', 'app=web'])).items
  .filter((p: { metadata: { deletionTimestamp?: string }; status?: { conditions?: Array<{ type: string; status: string }> } }) =>
    !p.metadata.deletionTimestamp && p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True'))
  .map((p: { metadata: { name: string } }) => p.metadata.name as string);

it('balances a NodePort Service over ready pods on every node, names it in DNS, and frees it on delete', async () => {
  expect((await c.kubectl(['apply', '-f', '-'], { input: manifest })).code).toBe(0);
  const svc = await json(['get', 'svc', 'web']);
  const clusterIP: string = svc.spec.clusterIP;
  const nodePort: number = svc.spec.ports[0].nodePort;
  expect(clusterIP.split('.').slice(0, 2).join('.')).toBe(c.serviceCidr.split('.').slice(0, 2).join('.'));
  expect(nodePort).toBeGreaterThanOrEqual(30000);
  expect(nodePort).toBeLessThanOrEqual(32767);
  expect((await c.kubectl(['get', 'ipaddresses', clusterIP])).code).toBe(0);
  expect((await c.kubectl(['get', 'nodeportallocations', String(nodePort)])).code).toBe(0);

  let pods: string[] = [];
  await waitUntil(async () => { pods = await readyPods(); if (pods.length !== 2) await sleep(1_000); return pods.length === 2; }, 120_000, 'two ready pods');

  // Both node addresses, both pods (hostname = pod name).
  for (const addr of c.nodeAddresses) {
    const seen = new Set<string>();
    await waitUntil(async () => {
      for (const a of await answers(addr, nodePort, 6).catch(() => [] as string[])) seen.add(a);
      if (seen.size < 2) await sleep(500);
      return pods.every((p) => seen.has(p));
    }, 30_000, `both pods answering on ${addr}:${nodePort} (seen ${[...seen].join(', ')})`);
    expect([...seen].sort()).toEqual([...pods].sort());
  }

  // The node's cluster DNS names the Service.
  const resolver = new Resolver({ timeout: 2_000, tries: 2 });
  resolver.setServers([`${c.nodeAddresses[0]}:${DNS_PORT}`]);
  expect(await resolver.resolve4('web.default.svc.cluster.local')).toEqual([clusterIP]);

  // From inside a pod: the Service by its full name and by its short name (resolv.conf search path),
  // and a pod on the same node by its pod network address.
  const webPods = (await json(['get', 'pods', '-l', 'app=web'])).items as Array<{ metadata: { name: string }; spec: { nodeName: string }; status: { podIP: string } }>;
  const neighbour = webPods.find((p) => p.metadata.name === pods[0])!;
  expect(neighbour.status.podIP).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(neighbour.status.podIP.startsWith('127.')).toBe(false); // an address of its own on the node's pod network
  expect((await c.kubectl(['apply', '-f', '-'], { input: clientPod(neighbour.spec.nodeName) })).code).toBe(0);
  await waitUntil(async () => (await json(['get', 'pod', 'client'])).status?.phase === 'Running' || (await sleep(500), false), 60_000, 'the client pod running');
  const inPod = async (url: string) => {
    const r = await c.kubectl(['exec', 'client', '--', 'wget', '-qO-', url], { timeoutMs: 20_000 });
    return r.code === 0 ? r.stdout.trim() : `error ${r.code}: ${r.stderr.trim()}`;
  };
  const resolvConf = await c.kubectl(['exec', 'client', '--', 'cat', '/etc/resolv.conf']);
  expect(resolvConf.stdout).toContain(`nameserver ${neighbour.spec.nodeName === c.nodeNames[0] ? c.nodeAddresses[0] : c.nodeAddresses[1]}`);
  expect(resolvConf.stdout).toContain('search default.svc.cluster.local svc.cluster.local cluster.local');
  for (const url of ['http://web.default.svc.cluster.local/', 'http://web/', `http://${clusterIP}/`]) {
    const seen = new Set<string>();
    for (let i = 0; i < 8 && seen.size < 2; i++) seen.add(await inPod(url));
    expect([...seen].sort()).toEqual([...pods].sort()); // both pods, through the Service, from inside a pod
  }
  expect(await inPod(`http://${neighbour.status.podIP}/`)).toBe(pods[0]);

  // A pod failing readiness (its page removed: the probe gets 404) receives no traffic; back when it passes again.
  const answersOnly = async (addr: string, pod: string) => {
    const got = await answers(addr, nodePort, 8).catch(() => ['error']);
    if (!got.every((x) => x === pod)) { await sleep(500); return false; }
    return true;
  };
  expect((await c.kubectl(['exec', pods[0], '--', 'rm', '/www/index.html'])).code).toBe(0);
  await waitUntil(() => answersOnly(c.nodeAddresses[0], pods[1]), 30_000, `only ${pods[1]} answering while ${pods[0]} is not ready`);
  expect((await c.kubectl(['exec', pods[0], '--', 'sh', '-c', 'hostname > /www/index.html'])).code).toBe(0);
  await waitUntil(async () => (await readyPods()).length === 2 || (await sleep(500), false), 30_000, `${pods[0]} ready again`);

  // Scale to one: only the remaining pod answers.
  expect((await c.kubectl(['scale', 'deployment/web', '--replicas=1'])).code).toBe(0);
  let left: string[] = [];
  await waitUntil(async () => {
    left = await readyPods();
    const all = (await json(['get', 'pods', '-l', 'app=web'])).items.length;
    if (all !== 1) await sleep(1_000);
    return all === 1 && left.length === 1;
  }, 60_000, 'one pod left');
  for (const addr of c.nodeAddresses) await waitUntil(() => answersOnly(addr, left[0]), 20_000, `only ${left[0]} answering on ${addr}:${nodePort}`);

  // Delete the Service: NodePort closed on every node, the Service and its allocations gone.
  expect((await c.kubectl(['delete', 'svc', 'web'])).code).toBe(0);
  for (const addr of c.nodeAddresses) {
    await waitUntil(async () => { const r = await refused(addr, nodePort); if (!r) await sleep(200); return r; }, 10_000, `${addr}:${nodePort} closed`);
  }
  expect((await c.kubectl(['get', 'svc'])).stdout).not.toMatch(/^web\s/m);
  const ips = (await json(['get', 'ipaddresses'])).items.map((o: { metadata: { name: string } }) => o.metadata.name);
  expect(ips).not.toContain(clusterIP);
  const ports = (await json(['get', 'nodeportallocations'])).items.map((o: { metadata: { name: string } }) => o.metadata.name);
  expect(ports).not.toContain(String(nodePort));
  await expect(resolver.resolve4('web.default.svc.cluster.local')).rejects.toMatchObject({ code: 'ENOTFOUND' });
  expect(await inPod('http://web/')).toMatch(/^error/);
}, 300_000);

it('forwards local ports to a pod with kubectl port-forward (SPDY in a WebSocket), many connections and more than a window of bytes', async () => {
  // The Deployment from the test above, scaled to one pod; its page is its hostname.
  let pod = '';
  await waitUntil(async () => { [pod] = await readyPods(); if (!pod) await sleep(500); return !!pod; }, 60_000, 'a ready web pod');
  const big = 300_000; // far beyond SPDY's 64 KiB initial window: kubectl's spdystream has no flow control
  expect((await c.kubectl(['exec', pod, '--', 'sh', '-c', `head -c ${big} /dev/zero | tr '\\0' a > /www/big`])).code).toBe(0);
  const pf = c.spawnKubectl(['port-forward', `pod/${pod}`, ':80', ':81']);
  try {
    const [, local, closedLocal] = (await pf.waitForOutput(/Forwarding from 127\.0\.0\.1:(\d+) -> 80\n[^]*Forwarding from 127\.0\.0\.1:(\d+) -> 81/, 30_000)).map(Number);
    for (let i = 0; i < 5; i++) expect(await get('127.0.0.1', local)).toBe(pod); // a connection each
    const body = await new Promise<string>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port: local, path: '/big', agent: false, timeout: 10_000 }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => { text += d; });
        res.on('end', () => resolve(text));
      }).on('error', reject).on('timeout', function (this: http.ClientRequest) { this.destroy(new Error('timeout')); });
    });
    expect(body.length).toBe(big);
    expect(/^a+$/.test(body)).toBe(true);
    // Nothing listens on the pod's port 81: that connection fails and kubectl says why (and, as
    // client-go does since 1.23ish, gives up the whole session).
    await get('127.0.0.1', closedLocal).then(() => { throw new Error('port 81 answered'); }, () => undefined);
    await pf.waitForOutput(/error forwarding port 81 to pod [^\n]*: dial tcp [0-9.]+:81: connect: connection refused/, 15_000).catch((e: Error) => { throw new Error(`${e.message}\n${pf.output()}`); });
  } finally {
    pf.kill();
  }
  // Without the WebSocket tunnel kubectl upgrades the connection to SPDY itself (older clients, or
  // KUBECTL_PORT_FORWARD_WEBSOCKETS=false): the same streams, straight on the socket.
  const spdy = c.spawnKubectl(['port-forward', `pod/${pod}`, ':80'], { KUBECTL_PORT_FORWARD_WEBSOCKETS: 'false' });
  try {
    const [, local] = (await spdy.waitForOutput(/Forwarding from 127\.0\.0\.1:(\d+) -> 80/, 30_000)).map(Number);
    for (let i = 0; i < 3; i++) expect(await get('127.0.0.1', local)).toBe(pod);
  } finally {
    spdy.kill();
  }
}, 120_000);

it('attaches to a running container (kubectl attach) and to a new one with stdin (kubectl run -i --rm); copies files (kubectl cp)', async () => {
  // run -i: the pod keeps stdin open, kubectl attaches and sends its stdin, prints the output, deletes the pod.
  const run = await c.kubectl(['run', 'asker', '--image=wake/busybox:1', '--image-pull-policy=Never', '--restart=Never', '-i', '--rm', '--quiet',
    '--', 'sh', '-c', 'read line; echo "got: $line"'], { input: 'hello from stdin\n', timeoutMs: 60_000 });
  expect([run.code, run.stdout, run.stderr]).toEqual([0, expect.stringContaining('got: hello from stdin'), expect.anything()]);
  await waitUntil(async () => !(await c.kubectl(['get', 'pods', '-o', 'name'])).stdout.includes('pod/asker') || (await sleep(500), false), 30_000, 'the --rm pod to be gone');

  // attach: the main process's output from now on.
  expect((await c.kubectl(['run', 'ticker', '--image=wake/busybox:1', '--image-pull-policy=Never', '--restart=Never',
    '--', 'sh', '-c', 'i=0; while true; do echo "tick $i"; i=$((i+1)); sleep 1; done'])).code).toBe(0);
  await waitUntil(async () => (await json(['get', 'pod', 'ticker'])).status?.phase === 'Running' || (await sleep(500), false), 60_000, 'the ticker running');
  const attached = c.spawnKubectl(['attach', 'ticker']);
  try {
    await attached.waitForOutput(/tick \d+\n[^]*tick \d+\n/, 20_000);
  } finally {
    attached.kill();
  }
  // kubectl cp: tar over exec, both ways.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wake-cp-'));
  fs.writeFileSync(path.join(dir, 'in.txt'), 'copied in\n'.repeat(1000));
  expect((await c.kubectl(['cp', path.join(dir, 'in.txt'), 'ticker:/tmp/in.txt'])).code).toBe(0);
  expect((await c.kubectl(['exec', 'ticker', '--', 'sh', '-c', 'cp /tmp/in.txt /tmp/out.txt && wc -l < /tmp/out.txt'])).stdout.trim()).toBe('1000');
  expect((await c.kubectl(['cp', 'ticker:/tmp/out.txt', path.join(dir, 'out.txt')])).code).toBe(0);
  expect(fs.readFileSync(path.join(dir, 'out.txt'), 'utf8')).toBe('copied in\n'.repeat(1000));
  fs.rmSync(dir, { recursive: true, force: true });
  // Without stdin in its spec the container cannot take input: kubectl says so, nothing hangs.
  const refused = await c.kubectl(['attach', 'ticker', '-i'], { input: 'x\n', timeoutMs: 20_000 });
  expect(refused.code).not.toBe(0);
  expect(refused.stderr).toMatch(/stdin/);
  // No ephemeral containers yet: kubectl debug says so (it used to panic on a 404 without details).
  const debug = await c.kubectl(['debug', 'ticker', '--image=wake/busybox:1', '--', 'true'], { timeoutMs: 20_000 });
  expect([debug.code, debug.stderr]).toEqual([1, expect.stringContaining('ephemeral containers are disabled for this cluster')]);
  expect((await c.kubectl(['delete', 'pod', 'ticker', '--grace-period=1'])).code).toBe(0);
}, 120_000);

const clientPod = (nodeName: string) => `
apiVersion: v1
kind: Pod
metadata: { name: client }
spec:
  nodeName: ${nodeName}
  terminationGracePeriodSeconds: 1
  containers:
    - name: client
      image: wake/busybox:1
      imagePullPolicy: Never
      command: ['sleep', '3600']
`;
