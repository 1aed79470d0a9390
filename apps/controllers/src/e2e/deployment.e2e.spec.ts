import { execFileSync } from 'node:child_process';
import { connect, type NatsConnection } from 'nats';
import { JetStreamEventLog } from '@wake/events';
import { TestCluster, waitUntil } from '@wake/testing';
import { RolloutWatcher } from '../testing/rollout-watcher';

// The whole cluster as real processes (projector, gateway, scheduler, controllers, two node
// agents running real Docker containers) driven by the real kubectl — issue 6's acceptance.
let c: TestCluster;
let nc: NatsConnection;
let log: JetStreamEventLog;

const manifest = (replicas: number) => `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, labels: { app: web } }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: web } }
  strategy: { rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } }
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
const runningReady = async (n: number, image: string) => {
  const live = (await pods()).filter((p) => !p.terminating);
  return live.length === n && live.every((p) => p.phase === 'Running' && p.ready && p.image === image);
};

beforeAll(async () => {
  execFileSync('docker', ['tag', 'wake/web:1', 'wake/web:2']); // a second local image for the rolling update
  c = await TestCluster.start({ nodes: 2 });
  nc = await connect({ servers: c.nats.url });
  log = await JetStreamEventLog.open(nc);
}, 180_000);
afterAll(async () => {
  await nc?.drain();
  await c?.stop();
}, 120_000);

it('applies, spreads, scales, rolls within its surge and unavailability limits, rolls back, and deletes a Deployment', async () => {
  expect((await c.kubectl(['apply', '-f', '-'], { input: manifest(2) })).code).toBe(0);
  await waitUntil(() => runningReady(2, 'wake/web:1'), 120_000, 'two web pods Running');
  expect(new Set((await pods()).map((p) => p.node))).toEqual(new Set(c.nodeNames));
  const labelled = await c.containers();
  expect(labelled.filter((x) => x.labels['wake.container'] !== 'POD').length).toBeGreaterThanOrEqual(2);

  expect((await c.kubectl(['scale', 'deployment/web', '--replicas=5'])).code).toBe(0);
  await waitUntil(() => runningReady(5, 'wake/web:1'), 120_000, 'five web pods Running');

  const watcher = await RolloutWatcher.start(log, 'default', { app: 'web' });
  expect((await c.kubectl(['set', 'image', 'deployment/web', 'web=wake/web:2'])).code).toBe(0);
  const status = await c.kubectl(['rollout', 'status', 'deployment/web', '--timeout=180s'], { timeoutMs: 200_000 });
  expect(status.stdout).toContain('successfully rolled out');
  await waitUntil(() => runningReady(5, 'wake/web:2'), 60_000, 'five pods of the new image');
  await watcher.stop();
  expect(watcher.minAvailable).toBeGreaterThanOrEqual(5 - 1);
  expect(watcher.maxPods).toBeLessThanOrEqual(5 + 1);

  const history = await c.kubectl(['rollout', 'history', 'deployment/web']);
  expect(history.stdout).toMatch(/^1\s/m);
  expect(history.stdout).toMatch(/^2\s/m);
  const rsBefore = (await c.kubectl(['get', 'rs', '-l', 'app=web', '-o', 'name'])).stdout.trim().split('\n').sort();
  expect((await c.kubectl(['rollout', 'undo', 'deployment/web'])).code).toBe(0);
  await waitUntil(() => runningReady(5, 'wake/web:1'), 180_000, 'the rollback to the first image');
  const rsAfter = (await c.kubectl(['get', 'rs', '-l', 'app=web', '-o', 'name'])).stdout.trim().split('\n').sort();
  expect(rsAfter).toEqual(rsBefore); // the old ReplicaSet was reused, none created
  expect((await c.kubectl(['rollout', 'history', 'deployment/web'])).stdout).toMatch(/^3\s/m);

  expect((await c.kubectl(['delete', 'deployment', 'web'])).code).toBe(0);
  await waitUntil(async () => (await pods()).length === 0, 120_000, 'the pods to be gone');
  await waitUntil(async () => (await c.kubectl(['get', 'rs', '-l', 'app=web', '-o', 'name'])).stdout.trim() === '', 60_000, 'the ReplicaSets to be gone');
  await waitUntil(async () => (await c.containers()).length === 0, 60_000, 'the containers to be removed');
}, 900_000);
