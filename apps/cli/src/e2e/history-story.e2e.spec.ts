import { TestCluster, waitUntil, runWake } from '@wake/testing';

// Issue 9's acceptance with real parts: the real kubectl against a TestCluster (gateway, projector,
// scheduler, controllers and two node agents running real containers). The scenario — apply a
// Deployment, scale it, roll a new image, roll a revision whose pod crash-loops, a node dies, roll
// back — is recorded, then `wake history`, `state --at` (at three points, against what `kubectl get`
// listed then), `why` and `timeline` must tell exactly that story.
jest.setTimeout(600_000);
const GRACE = 6;
const TOLERATION = 5;
let c: TestCluster;

beforeAll(async () => {
  c = await TestCluster.start({
    nodes: 2,
    env: { controllers: { WAKE_NODE_MONITOR_GRACE_SECONDS: String(GRACE), WAKE_DEFAULT_TOLERATION_SECONDS: String(TOLERATION) } },
  });
}, 180_000);
afterAll(async () => { await c?.stop(); }, 120_000);

/** The `wake` CLI against this cluster's log and database. */
const wake = (...args: string[]) => runWake(args, { NATS_URL: c.nats.url, DATABASE_URL: c.databaseUrl, WAKE_HISTORY_SNAPSHOT_EVERY: '200' }, 120_000);

async function wakeJson<T = any>(...args: string[]): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await wake(...args, '-o', 'json');
  if (r.code !== 0) throw new Error(`wake ${args.join(' ')}: exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

async function kubectl(...args: string[]): Promise<string> {
  const r = await c.kubectl(args);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const manifest = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  strategy: { rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } }
  template:
    metadata: { labels: { app: web } }
    spec:
      terminationGracePeriodSeconds: 1
      containers:
        - name: web
          image: wake/web:1
          imagePullPolicy: Never
          resources: { requests: { cpu: 100m, memory: 32Mi } }
          readinessProbe: { httpGet: { path: /, port: 80 }, periodSeconds: 1 }
`;

/** What `kubectl get <kind> -o json` listed at one point, and the log sequence that list is consistent at. */
interface Listed { kind: string; resourceVersion: number; items: Array<{ metadata: { name: string; uid: string; resourceVersion: string }; [k: string]: unknown }> }
interface Point { name: string; lists: Listed[] }
const points: Point[] = [];
// The server's own lists (`kubectl get -o json` wraps items in a client-side List without the resourceVersion).
const KINDS = [['/apis/apps/v1/namespaces/default/deployments', 'Deployment'], ['/apis/apps/v1/namespaces/default/replicasets', 'ReplicaSet'], ['/api/v1/namespaces/default/pods', 'Pod']] as const;

async function mark(name: string): Promise<void> {
  const lists: Listed[] = [];
  for (const [path, kind] of KINDS) {
    const l = JSON.parse(await kubectl('get', '--raw', path));
    lists.push({ kind, resourceVersion: Number(l.metadata.resourceVersion), items: l.items });
  }
  points.push({ name, lists });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ready = async (n: number, image: string) => {
  const pods = await c.pods('app=web');
  const ok = pods.filter((p) => p.ready && !p.terminating && p.image === image);
  return ok.length === n && pods.filter((p) => !p.terminating).length === n;
};

let crashing = '';
let killedNode = '';

it('records the scenario: apply, scale, new image, a crash-looping revision, a node dies, rollback', async () => {
  expect((await c.kubectl(['apply', '-f', '-'], { input: manifest })).code).toBe(0);
  await waitUntil(async () => (await ready(2, 'wake/web:1')) || (await sleep(500), false), 120_000, 'two web:1 pods ready');
  await mark('applied');

  await kubectl('scale', 'deployment/web', '--replicas=3');
  await waitUntil(async () => (await ready(3, 'wake/web:1')) || (await sleep(500), false), 120_000, 'three web:1 pods ready');

  await kubectl('set', 'image', 'deployment/web', 'web=wake/web:2');
  await kubectl('rollout', 'status', 'deployment/web', '--timeout=120s');
  await waitUntil(async () => (await ready(3, 'wake/web:2')) || (await sleep(500), false), 120_000, 'three web:2 pods ready');
  await mark('rolled');

  // Revision 3: its container exits 1 at once → CrashLoopBackOff; maxUnavailable 0 keeps the old pods.
  await kubectl('patch', 'deployment/web', '--type=json', '-p', JSON.stringify([{ op: 'add', path: '/spec/template/spec/containers/0/command', value: ['sh', '-c', 'echo boom; exit 1'] }]));
  await waitUntil(async () => {
    const pods = JSON.parse(await kubectl('get', 'pods', '-l', 'app=web', '-o', 'json')).items as Array<{ metadata: { name: string }; status?: { containerStatuses?: Array<{ restartCount: number }> } }>;
    const p = pods.find((x) => (x.status?.containerStatuses?.[0]?.restartCount ?? 0) >= 1);
    crashing = p?.metadata.name ?? '';
    return !!p || (await sleep(500), false);
  }, 120_000, 'a pod of the new revision crash-looping');

  // A node dies (its agent is killed): NotReady, tainted, its pods replaced on the other node.
  const before = await c.pods('app=web');
  killedNode = before.find((p) => p.image === 'wake/web:2' && !p.terminating)!.node;
  await c.kill(killedNode);
  await waitUntil(async () => / NotReady /.test(await kubectl('get', 'node', killedNode, '--no-headers').then((s) => ` ${s.trim().split(/\s+/)[1]} `)) || (await sleep(500), false),
    (GRACE + 60) * 1000, `${killedNode} NotReady`);

  await kubectl('rollout', 'undo', 'deployment/web');
  await waitUntil(async () => {
    const pods = (await c.pods('app=web')).filter((p) => !p.terminating);
    const good = pods.filter((p) => p.ready && p.image === 'wake/web:2' && p.node !== killedNode);
    return (good.length === 3 && pods.length === 3) || (await sleep(1000), false);
  }, 180_000, 'three web:2 pods ready on the live node after the rollback');
  await mark('rolled back');
});

/* eslint-disable @typescript-eslint/no-explicit-any */
it('history: every revision of the Deployment, with intent, actor and diff; status-only ones hidden on request', async () => {
  const all = await wakeJson('history', 'deployment/web');
  const h = await wakeJson('history', 'deployment/web', '--no-status', '--no-heartbeats');
  expect(h.revisions.length).toBeLessThan(all.revisions.length); // the controllers' status writes, hidden
  const story = h.revisions.filter((r: any) => r.actor.startsWith('user:'));
  expect(story.map((r: any) => r.type)).toEqual(['Deployment.Created', 'Deployment.Scaled', 'Deployment.Updated', 'Deployment.Updated', 'Deployment.RolledBack']);
  const change = (r: any, path: string) => r.changes?.find((x: any) => x.path === path);
  expect(change(story[1], 'spec.replicas')).toMatchObject({ from: 2, to: 3 });
  expect(change(story[2], 'spec.template.spec.containers[name=web].image')).toMatchObject({ from: 'wake/web:1', to: 'wake/web:2' });
  expect(change(story[3], 'spec.template.spec.containers[name=web].command')).toMatchObject({ op: 'add', to: ['sh', '-c', 'echo boom; exit 1'] });
  expect(change(story[4], 'spec.template.spec.containers[name=web].command')).toMatchObject({ op: 'remove' });
  // The controllers' answers to each: revision annotations 1 → 2 → 3 → 4 (the rollback re-used revision 2's ReplicaSet).
  const revisions = all.revisions.map((r: any) => change(r, 'metadata.annotations["deployment.kubernetes.io/revision"]')?.to).filter(Boolean);
  expect(revisions).toEqual(['1', '2', '3', '4']);
  expect(all.revisions.filter((r: any) => r.type === 'Deployment.StatusUpdated').every((r: any) => r.actor === 'system:controllers')).toBe(true);
});

it('state --at: at three points, exactly what kubectl get listed then', async () => {
  expect(points.map((p) => p.name)).toEqual(['applied', 'rolled', 'rolled back']);
  for (const p of points) {
    for (const l of p.lists) {
      expect(l.resourceVersion).toBeGreaterThan(0);
      const s = await wakeJson('state', '--at', String(l.resourceVersion), l.kind.toLowerCase() + 's', '-n', 'default');
      // Items of a server list carry no apiVersion/kind; everything else must be identical.
      const strip = (o: any) => { const { apiVersion: _a, kind: _k, ...rest } = o; return rest; };
      const byName = (a: any, b: any) => (a.metadata.name < b.metadata.name ? -1 : 1);
      expect((s.items as any[]).map(strip).sort(byName)).toEqual(l.items.map(strip).sort(byName));
    }
  }
  const [applied, rolled, back] = points.map((p) => p.lists.find((l) => l.kind === 'Pod')!.items as any[]);
  const live = (pods: any[]) => pods.filter((o) => !o.metadata.deletionTimestamp);
  expect(live(applied).map((o) => o.spec.containers[0].image)).toEqual(['wake/web:1', 'wake/web:1']);
  expect(live(rolled).map((o) => o.spec.containers[0].image)).toEqual(['wake/web:2', 'wake/web:2', 'wake/web:2']);
  expect(live(back).every((o) => o.spec.nodeName !== killedNode)).toBe(true);
});

it('why: user → Deployment → ReplicaSet revision 3 → pod → scheduler (with its per-node scores) → crash with exit code 1', async () => {
  const w = await wakeJson('why', `pod/${crashing}`);
  const steps = w.steps as any[];
  // The story's links, in this order (other causes may sit between, e.g. a controller resync after taking the lease).
  const link = (type: string) => steps.find((s) => s.type === type && (type !== 'Deployment.Updated' || s.actor.startsWith('user:')));
  const [updated, rsCreated, created, bound] = ['Deployment.Updated', 'ReplicaSet.Created', 'Pod.Created', 'Pod.Bound'].map(link);
  expect([updated, rsCreated, created, bound].every(Boolean)).toBe(true);
  expect([updated.seq, rsCreated.seq, created.seq, bound.seq]).toEqual([updated.seq, rsCreated.seq, created.seq, bound.seq].sort((a, b) => a - b));
  expect(updated.actor).toBe('user:wake-admin');
  // The user's update caused the new ReplicaSet — unless the controllers had just (re)taken their
  // lease, whose resync then names the Lease as the cause (the chain shows both).
  const leases = steps.filter((s) => s.type.startsWith('Lease.')).map((s) => s.seq);
  expect([updated.seq, ...leases]).toContain(rsCreated.causedBy);
  expect(created.causedBy).toBe(rsCreated.seq);
  expect(bound.causedBy).toBe(created.seq);
  expect(rsCreated.description).toMatch(/ReplicaSet default\/web-\w+ \(revision 3\)/);
  expect(bound.description).toMatch(/the scheduler bound Pod default\/web-\w+-\w+ to node e2e-/);
  const text = (await wake('why', `pod/${crashing}`)).stdout;
  expect(text).toMatch(/chose +e2e-\w+-[ab]: total \d+ \(NodeResourcesFit \d+/);
  expect(text).toMatch(/scored e2e-\w+-[ab]: total \d+/);
  expect(text).toMatch(/CrashLoopBackOff, last exit code 1/);
});

it('timeline: the Deployment and everything it owns, in log order, telling the same story', async () => {
  const r = await wake('timeline', '--owner', 'deployment/web', '--no-status', '-o', 'json');
  expect(r.code).toBe(0);
  const items = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  const seqs = items.map((t: any) => t.seq);
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  const at = (type: string) => items.findIndex((t: any) => t.type === type);
  const order = ['Deployment.Created', 'ReplicaSet.Created', 'Pod.Bound', 'Deployment.Scaled', 'Deployment.RolledBack'].map(at);
  expect(order.every((i) => i >= 0)).toBe(true);
  expect(order).toEqual([...order].sort((a, b) => a - b));
  expect(items.filter((t: any) => t.type === 'Deployment.Updated')).toHaveLength(2);
  // The node's death: pods on it deleted by the controllers (taint-based eviction) and replaced.
  const evicted = items.filter((t: any) => t.type === 'Pod.DeletionRequested' && t.actor === 'system:controllers');
  expect(evicted.length).toBeGreaterThan(0);
});

it('replay: today\'s scheduler and controllers make the recorded decisions; a changed scoring strategy shows the bindings it would change', async () => {
  const same = await wake('replay');
  expect(same.stderr).toBe('');
  expect(same.code).toBe(0);
  expect(same.stdout).toMatch(/scheduler bindings +(\d+) compared +\1 same +0 different/);
  expect(same.stdout).toMatch(/replicaset controller +(\d+) compared +\d+ same +0 different/);
  expect(same.stdout).toMatch(/deployment controller +(\d+) compared +\d+ same +0 different/);
  expect(same.stdout).toContain('no differences');

  // Bin-packing, weighted to dominate: the replicas the recorded (spreading) scheduler put side by side
  // would have been packed onto one node. Only bindings may differ, each with both scorings.
  const config = '{"scoringStrategy":"MostAllocated","weights":{"NodeResourcesFit":10,"PodTopologySpread":0}}';
  const packed = await wake('replay', '--scheduler-config', config, '-o', 'json');
  expect(packed.code).toBe(1);
  const report = JSON.parse(packed.stdout);
  expect(report.differences.length).toBeGreaterThan(0);
  for (const d of report.differences) {
    expect(d.component).toBe('scheduler');
    expect(d.binding.recorded.node).not.toBe(d.binding.today.node);
    expect(d.binding.today.best).toContain(d.binding.today.node);
    expect(d.binding.today.weights.NodeResourcesFit).toBe(10);
  }
  expect(report.components.replicaset.different).toBe(0);
  const text = (await wake('replay', '--scheduler-config', config)).stdout;
  expect(text).toMatch(/recorded: bind to e2e-\w+-[ab]\n {2}today: {4}bind to e2e-\w+-[ab]/);
});
