import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestCluster, waitUntil, type KubectlResult } from '@wake/testing';

// kubectl's typed-client commands send Protobuf bodies (`create <generator>`, `auth can-i`, `auth whoami`);
// the whole cluster as real processes, driven by the real kubectl 1.32: what the tutorial types works.
let c: TestCluster;
let tokenDir: string;
const NODE_TOKEN = 'node-token-for-e2e';
const ok = (r: KubectlResult) => { if (r.code !== 0) throw new Error(`kubectl failed (${r.code}): ${r.stderr}`); return r.stdout; };
const json = async (...args: string[]) => JSON.parse(ok(await c.kubectl([...args, '-o', 'json'])));

beforeAll(async () => {
  tokenDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wake-tokens-'));
  const tokenFile = path.join(tokenDir, 'tokens.csv');
  fs.writeFileSync(tokenFile, `${NODE_TOKEN},system:node:some-node,uid-1,"system:nodes"\n`);
  c = await TestCluster.start({ nodes: 2, env: { gateway: { WAKE_GATEWAY_TOKEN_FILE: tokenFile } } });
}, 180_000);
afterAll(async () => {
  await c?.stop();
  fs.rmSync(tokenDir, { recursive: true, force: true });
});

it('create deployment: the Deployment has the generator fields and rolls out', async () => {
  expect(ok(await c.kubectl(['create', 'deployment', 'web', '--image=wake/web:1', '--replicas=2']))).toBe('deployment.apps/web created\n');
  const d = await json('get', 'deployment', 'web');
  expect(d.spec.replicas).toBe(2);
  expect(d.spec.selector).toEqual({ matchLabels: { app: 'web' } });
  expect(d.spec.template.metadata.labels).toEqual({ app: 'web' });
  expect(d.spec.template.spec.containers).toMatchObject([{ name: 'web', image: 'wake/web:1' }]);
  expect(d.spec.strategy.type).toBe('RollingUpdate'); // defaulted, as for a JSON body
  ok(await c.kubectl(['rollout', 'status', 'deployment/web', '--timeout=120s'], { timeoutMs: 130_000 }));
  const pods = await c.pods('app=web');
  expect(pods.filter((p) => p.phase === 'Running' && p.ready)).toHaveLength(2);
}, 180_000);

it('create configmap and create secret generic: the data round-trips', async () => {
  ok(await c.kubectl(['create', 'configmap', 'web-config', '--from-literal=GREETING=hello', '--from-literal=MODE=prod']));
  expect((await json('get', 'configmap', 'web-config')).data).toEqual({ GREETING: 'hello', MODE: 'prod' });
  ok(await c.kubectl(['create', 'secret', 'generic', 'web-secret', '--from-literal=password=s3cr3t!']));
  const s = await json('get', 'secret', 'web-secret');
  expect(s.type).toBe('Opaque');
  expect(Buffer.from(s.data.password, 'base64').toString()).toBe('s3cr3t!');
});

it('create namespace, service nodeport, serviceaccount, job', async () => {
  expect(ok(await c.kubectl(['create', 'namespace', 'shop']))).toBe('namespace/shop created\n');
  expect((await json('get', 'namespace', 'shop')).status.phase).toBe('Active');
  expect(ok(await c.kubectl(['create', 'service', 'nodeport', 'web', '--tcp=80:80']))).toBe('service/web created\n');
  const svc = await json('get', 'service', 'web');
  expect(svc.spec.type).toBe('NodePort');
  expect(svc.spec.selector).toEqual({ app: 'web' });
  expect(svc.spec.ports[0]).toMatchObject({ port: 80, targetPort: 80, protocol: 'TCP' });
  expect(svc.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
  expect(svc.spec.clusterIP).toMatch(/^127\./);
  ok(await c.kubectl(['create', 'serviceaccount', 'robot', '-n', 'shop']));
  expect((await json('get', 'serviceaccount', 'robot', '-n', 'shop')).metadata.name).toBe('robot');
  ok(await c.kubectl(['create', 'job', 'once', '--image=wake/busybox:1', '--', 'sh', '-c', 'echo hi']));
  const job = await json('get', 'job', 'once');
  expect(job.spec.template.spec).toMatchObject({ restartPolicy: 'Never', containers: [{ name: 'once', image: 'wake/busybox:1', command: ['sh', '-c', 'echo hi'] }] });
  ok(await c.kubectl(['wait', '--for=condition=complete', 'job/once', '--timeout=90s'], { timeoutMs: 100_000 }));
}, 150_000);

it('refuses an invalid generated object with the same 422 as a JSON body', async () => {
  const r = await c.kubectl(['create', 'deployment', 'Bad_Name', '--image=wake/web:1']);
  expect(r.code).not.toBe(0);
  expect(r.stderr).toMatch(/is invalid|Invalid value/);
});

it('auth can-i, can-i --list and whoami answer from the gateway authorization', async () => {
  expect(ok(await c.kubectl(['auth', 'can-i', 'create', 'deployments']))).toBe('yes\n');
  expect(ok(await c.kubectl(['auth', 'can-i', '--list'])).split('\n')[1]).toMatch(/^\*\.\*\s+\[\]\s+\[\]\s+\[\*\]/);
  expect(ok(await c.kubectl(['auth', 'whoami']))).toMatch(/Username\s+wake-admin/);
  const asNode = (args: string[]) => c.kubectl([...args, '--token', NODE_TOKEN]);
  const no = await asNode(['auth', 'can-i', 'create', 'deployments']);
  expect(no.code).toBe(1);
  expect(no.stdout).toMatch(/^no/);
  expect(ok(await asNode(['auth', 'can-i', 'get', 'pods']))).toBe('yes\n');
  expect((await asNode(['auth', 'can-i', 'get', 'secret/web-secret'])).stdout).toMatch(/^no/);
  expect(ok(await asNode(['auth', 'can-i', 'patch', 'node/some-node']))).toBe('yes\n');
  expect(ok(await asNode(['auth', 'whoami']))).toMatch(/Username\s+system:node:some-node[\s\S]*Groups\s+\[system:nodes system:authenticated\]/);
});

it('a PodDisruptionBudget (create pdb, Protobuf) stops evictions at the budget: get pdb, a 429 eviction, a drain that times out', async () => {
  expect(ok(await c.kubectl(['create', 'poddisruptionbudget', 'web', '--selector=app=web', '--min-available=2']))).toBe('poddisruptionbudget.policy/web created\n');
  const settled = async (generation: number) => {
    let pdb: { metadata: { generation: number }; status?: Record<string, number> } | undefined;
    await waitUntil(async () => {
      pdb = await json('get', 'pdb', 'web');
      return pdb!.metadata.generation === generation && pdb!.status?.observedGeneration === generation && pdb!.status?.currentHealthy === 2;
    }, 30_000, `the disruption controller to observe generation ${generation}`);
    return pdb!;
  };
  expect((await settled(1)).status).toMatchObject({ expectedPods: 2, currentHealthy: 2, desiredHealthy: 2, disruptionsAllowed: 0 });
  const table = ok(await c.kubectl(['get', 'pdb'])).trim().split('\n').map((l) => l.split(/\s{2,}/));
  expect(table[0]).toEqual(['NAME', 'MIN AVAILABLE', 'MAX UNAVAILABLE', 'ALLOWED DISRUPTIONS', 'AGE']);
  expect(table[1].slice(0, 4)).toEqual(['web', '2', 'N/A', '0']);

  const before = await c.pods('app=web');
  const victim = before[0];
  const evictionFile = path.join(tokenDir, 'eviction.json');
  fs.writeFileSync(evictionFile, JSON.stringify({ apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: victim.name, namespace: 'default' } }));
  const refused = await c.kubectl(['create', '--raw', `/api/v1/namespaces/default/pods/${victim.name}/eviction`, '-f', evictionFile]);
  expect(refused.code).not.toBe(0);
  expect(refused.stderr).toMatch(/Error from server \(TooManyRequests\): Cannot evict pod as it would violate the pod's disruption budget\./);

  // drain retries a 429 every 5 s until its timeout, then gives up; the pods stay.
  const drain = await c.kubectl(['drain', victim.node, '--ignore-daemonsets', '--delete-emptydir-data', '--timeout=8s'], { timeoutMs: 30_000 });
  expect(drain.code).not.toBe(0);
  expect(drain.stderr + drain.stdout).toMatch(/Cannot evict pod as it would violate the pod's disruption budget/);
  ok(await c.kubectl(['uncordon', victim.node]));
  const after = await c.pods('app=web');
  expect(after.map((p) => p.uid).sort()).toEqual(before.map((p) => p.uid).sort());
  expect(after.every((p) => !p.terminating)).toBe(true);

  // A budget with room: the next test's drain evicts through it.
  ok(await c.kubectl(['patch', 'pdb', 'web', '--type=merge', '-p', '{"spec":{"minAvailable":1}}']));
  expect((await settled(2)).status).toMatchObject({ desiredHealthy: 1, disruptionsAllowed: 1 });
  // A server dry run evicts nothing and takes nothing from the budget.
  const dry = await c.kubectl(['drain', victim.node, '--ignore-daemonsets', '--delete-emptydir-data', '--dry-run=server', '--timeout=20s'], { timeoutMs: 30_000 });
  expect(dry.code).toBe(0);
  expect(dry.stdout).toMatch(/evicting pod default\/web-\S+ \(server dry run\)/);
  expect(dry.stdout).toMatch(/drained \(server dry run\)/);
  const untouched = await json('get', 'pdb', 'web');
  expect(untouched.status.disruptionsAllowed).toBe(1);
  expect(untouched.status.disruptedPods).toBeUndefined();
  expect((await c.pods('app=web')).every((p) => !p.terminating)).toBe(true);
  expect((await json('get', 'node', victim.node)).spec.unschedulable).toBeUndefined();
}, 120_000);

it('drain evicts the pods of a node, which are recreated on the other; uncordon lets it schedule again', async () => {
  const before = await c.pods('app=web');
  const node = before[0].node;
  const other = c.nodeNames.find((n) => n !== node)!;
  const drained = await c.kubectl(['drain', node, '--ignore-daemonsets', '--delete-emptydir-data', '--timeout=90s'], { timeoutMs: 100_000 });
  expect(drained.stderr + drained.stdout).toMatch(new RegExp(`node/${node} (cordoned|drained)`));
  expect(drained.code).toBe(0);
  expect(drained.stdout).toMatch(/evicted/);
  expect((await json('get', 'node', node)).spec.unschedulable).toBe(true);
  await waitUntil(async () => {
    const live = (await c.pods('app=web')).filter((p) => !p.terminating);
    return live.length === 2 && live.every((p) => p.node === other && p.phase === 'Running');
  }, 90_000, 'the web pods to run on the other node');
  expect((await c.pods('app=web')).map((p) => p.uid)).not.toContain(before.find((p) => p.node === node)!.uid);
  ok(await c.kubectl(['uncordon', node]));
  expect((await json('get', 'node', node)).spec.unschedulable).toBeUndefined();
}, 200_000);
