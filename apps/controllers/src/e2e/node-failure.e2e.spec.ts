import { connect, type NatsConnection } from 'nats';
import { isRemoval, JetStreamEventLog, objectAt, type EventWatch, type KubeObject } from '@wake/events';
import { type PodRow, TestCluster, waitUntil } from '@wake/testing';

// Issue 6's node failure acceptance, with real processes, real Docker and the real kubectl: a
// node agent is killed -9, its node goes NotReady/Unknown and is tainted unreachable, its pods
// are evicted after their toleration and replaced on the other node; the Deployment never has
// more Running pods than its replicas; the agent comes back, the node is Ready and untainted
// again, and the agent removes the evicted pods' containers.
const GRACE = 6;
const TOLERATION = 5;
const REPLICAS = 4;

let c: TestCluster;
let nc: NatsConnection;
let log: JetStreamEventLog;

const manifest = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, labels: { app: web } }
spec:
  replicas: ${REPLICAS}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      terminationGracePeriodSeconds: 2
      containers:
        - name: web
          image: wake/web:1
          imagePullPolicy: Never
          ports: [{ containerPort: 80 }]
`;

const pods = () => c.pods('app=web');
const live = async () => (await pods()).filter((p) => !p.terminating);
const runningReady = (ps: PodRow[]) => ps.filter((p) => p.phase === 'Running' && p.ready);

async function nodeStatus(name: string): Promise<string> {
  const out = (await c.kubectl(['get', 'nodes', name, '--no-headers'])).stdout;
  return out.trim().split(/\s+/)[1] ?? '';
}
async function nodeTaints(name: string): Promise<Array<{ key: string; effect: string }>> {
  const r = await c.kubectl(['get', 'node', name, '-o', 'json']);
  return JSON.parse(r.stdout).spec?.taints ?? [];
}

/**
 * After every pod event on the log: how many of the Deployment's pods are Running and not
 * terminating (what `kubectl get pods` would count as serving), and how many are not
 * terminating at all. Both must never exceed the replicas.
 */
class RunningWatcher {
  maxRunning = 0;
  maxLive = 0;
  private readonly pods = new Map<string, KubeObject>();
  private loop?: Promise<void>;
  private constructor(private readonly w: EventWatch) {}
  static async start(l: JetStreamEventLog): Promise<RunningWatcher> {
    const w = await l.watch({ afterSeq: 0, filter: { kind: 'Pod', namespace: 'default' } });
    const r = new RunningWatcher(w);
    r.loop = (async () => {
      for await (const e of w) {
        if (isRemoval(e)) r.pods.delete(e.name);
        else r.pods.set(e.name, objectAt(e));
        const mine = [...r.pods.values()].filter((p) => p.metadata.labels?.app === 'web' && !p.metadata.deletionTimestamp);
        r.maxLive = Math.max(r.maxLive, mine.length);
        r.maxRunning = Math.max(r.maxRunning, mine.filter((p) => (p.status as { phase?: string } | undefined)?.phase === 'Running').length);
      }
    })();
    return r;
  }
  async stop(): Promise<void> {
    await this.w.close();
    await this.loop;
  }
}

beforeAll(async () => {
  c = await TestCluster.start({
    nodes: 2,
    env: { controllers: { WAKE_NODE_MONITOR_GRACE_SECONDS: String(GRACE), WAKE_DEFAULT_TOLERATION_SECONDS: String(TOLERATION) } },
  });
  nc = await connect({ servers: c.nats.url });
  log = await JetStreamEventLog.open(nc);
}, 180_000);
afterAll(async () => {
  await nc?.drain();
  await c?.stop();
}, 120_000);

it('replaces the pods of a killed node on the other node, then untaints the node and cleans up when its agent returns', async () => {
  const diag = () => `\n--- controllers ---\n${c.logOf('controllers').slice(-3000)}\n--- ${c.nodeNames[0]} ---\n${c.logOf(c.nodeNames[0]).slice(-3000)}`;
  expect((await c.kubectl(['apply', '-f', '-'], { input: manifest })).code).toBe(0);
  await waitUntil(async () => runningReady(await live()).length === REPLICAS, 120_000, 'four web pods Running');
  const before = await live();
  expect(new Set(before.map((p) => p.node))).toEqual(new Set(c.nodeNames)); // spread over both nodes

  const [failed, healthy] = c.nodeNames;
  const onFailed = before.filter((p) => p.node === failed);
  expect(onFailed.length).toBeGreaterThan(0);
  expect((await c.containers(failed)).some((x) => onFailed.some((p) => p.uid === x.labels['wake.pod.uid']))).toBe(true);

  const watcher = await RunningWatcher.start(log);
  const killedAt = Date.now();
  await c.kill(failed); // SIGKILL: the agent crashes, its containers keep running

  await waitUntil(async () => /^(NotReady|Unknown)/.test(await nodeStatus(failed)), (GRACE + 30) * 1000, `${failed} to go NotReady${diag()}`);
  const notReadyAfter = (Date.now() - killedAt) / 1000;
  expect((await nodeTaints(failed)).some((t) => t.key === 'node.kubernetes.io/unreachable' && t.effect === 'NoExecute')).toBe(true);

  // Replaced on the healthy node within grace + toleration (plus the time to start containers).
  await waitUntil(async () => {
    const l = await live();
    return l.length === REPLICAS && runningReady(l).length === REPLICAS && l.every((p) => p.node === healthy);
  }, (GRACE + TOLERATION + 60) * 1000, `the pods to be replaced on ${healthy}${diag()}`);
  const replacedAfter = (Date.now() - killedAt) / 1000;
  const liveUids = new Set((await live()).map((p) => p.uid));
  expect(onFailed.every((p) => !liveUids.has(p.uid))).toBe(true);
  // eslint-disable-next-line no-console
  console.log(`node NotReady after ${notReadyAfter.toFixed(1)} s, pods replaced after ${replacedAfter.toFixed(1)} s (grace ${GRACE} s + toleration ${TOLERATION} s)`);
  expect(replacedAfter).toBeLessThanOrEqual(GRACE + TOLERATION + 30);

  // The agent returns: Ready, untainted, and the evicted pods' containers are removed.
  c.restart(failed);
  await waitUntil(async () => (await nodeStatus(failed)) === 'Ready', 90_000, `${failed} to be Ready again${diag()}`);
  await waitUntil(async () => (await nodeTaints(failed)).every((t) => !t.key.startsWith('node.kubernetes.io/')), 60_000, `${failed} to be untainted${diag()}`);
  await waitUntil(async () => (await c.containers(failed)).every((x) => !onFailed.some((p) => p.uid === x.labels['wake.pod.uid'])), 90_000,
    `the evicted pods' containers to be removed from ${failed}${diag()}`);
  await waitUntil(async () => {
    const all = await pods();
    return all.length === REPLICAS && runningReady(all).length === REPLICAS;
  }, 60_000, 'the evicted pods to be gone and exactly four running');

  // Settle a little and check again: nothing comes back to life on the returned node.
  await new Promise((r) => setTimeout(r, 5_000));
  const after = await pods();
  expect(after.length).toBe(REPLICAS);
  expect(runningReady(after).length).toBe(REPLICAS);
  expect(after.every((p) => !onFailed.some((o) => o.uid === p.uid))).toBe(true);
  await watcher.stop();
  expect(watcher.maxRunning).toBeLessThanOrEqual(REPLICAS);
  expect(watcher.maxLive).toBeLessThanOrEqual(REPLICAS);
}, 600_000);
