import { connect, type NatsConnection } from 'nats';
import { isRemoval, JetStreamEventLog, type EventWatch } from '@wake/events';
import { TestCluster, waitUntil, runWake } from '@wake/testing';

// Issue 7's acceptance: Jobs, a CronJob, a DaemonSet and a StatefulSet driven by the real
// kubectl against the whole cluster as real processes (two node agents running real Docker
// containers, a third registered later). The CronJob runs on the real clock: it is created
// first and checked last, so the real minutes it needs pass while the other workloads run.
let c: TestCluster;
let nc: NatsConnection;
let log: JetStreamEventLog;

beforeAll(async () => {
  c = await TestCluster.start({ nodes: 2 });
  nc = await connect({ servers: c.nats.url });
  log = await JetStreamEventLog.open(nc);
}, 180_000);
afterAll(async () => {
  await nc?.drain();
  await c?.stop();
}, 180_000);

const loop = (cmd = '') => JSON.stringify(`trap 'exit 0' TERM; ${cmd} while true; do sleep 1; done`);
/** The pod spec's containers (and grace period), at the indentation of a template's `spec:` fields. */
const container = (command: string, indent = 6) => `
terminationGracePeriodSeconds: 2
containers:
  - name: main
    image: wake/busybox:1
    imagePullPolicy: Never
    command: ["sh", "-c", ${command}]`.replace(/\n/g, `\n${' '.repeat(indent)}`);

async function json(args: string[]): Promise<any> {
  const r = await c.kubectl([...args, '-o', 'json']);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
const apply = async (manifest: string) => {
  const r = await c.kubectl(['apply', '-f', '-'], { input: manifest });
  if (r.code !== 0) throw new Error(r.stderr);
};
const condition = (o: any, type: string) => (o.status?.conditions ?? []).find((x: any) => x.type === type && x.status === 'True');
const live = (items: any[]) => items.filter((p) => !p.metadata.deletionTimestamp);
const isReady = (p: any) => p.status?.phase === 'Running' && Boolean(condition(p, 'Ready'));

let cronCreatedAt = 0;
it('creates a CronJob every minute with Forbid (checked at the end, on the real clock)', async () => {
  await apply(`
apiVersion: batch/v1
kind: CronJob
metadata: { name: tick }
spec:
  schedule: "*/1 * * * *"
  concurrencyPolicy: Forbid
  successfulJobsHistoryLimit: 1
  failedJobsHistoryLimit: 1
  jobTemplate:
    spec:
      template:
        metadata: { labels: { app: tick } }
        spec:
          restartPolicy: Never${container(JSON.stringify('sleep 1'), 10)}
`);
  cronCreatedAt = Date.now();
});

it('runs a Job of 5 completions, 2 at a time, to Complete', async () => {
  await apply(`
apiVersion: batch/v1
kind: Job
metadata: { name: five }
spec:
  completions: 5
  parallelism: 2
  template:
    spec:
      restartPolicy: Never${container(JSON.stringify('sleep 1'))}
`);
  let maxActive = 0;
  await waitUntil(async () => {
    const j = await json(['get', 'job', 'five']);
    maxActive = Math.max(maxActive, j.status?.active ?? 0);
    return Boolean(condition(j, 'Complete'));
  }, 150_000, 'job five Complete');
  const j = await json(['get', 'job', 'five']);
  expect(j.status).toMatchObject({ succeeded: 5 });
  expect(j.status.completionTime).toBeTruthy();
  expect(maxActive).toBeLessThanOrEqual(2);
  const table = await c.kubectl(['get', 'job', 'five']);
  expect(table.stdout).toMatch(/^five\s+Complete\s+5\/5\s/m);
  const pods = (await json(['get', 'pods', '-l', 'job-name=five'])).items;
  expect(pods.filter((p: any) => p.status?.phase === 'Succeeded')).toHaveLength(5);
}, 180_000);

it('fails a Job whose pod always fails at its backoffLimit, with reason BackoffLimitExceeded', async () => {
  await apply(`
apiVersion: batch/v1
kind: Job
metadata: { name: doomed }
spec:
  backoffLimit: 1
  template:
    spec:
      restartPolicy: Never${container(JSON.stringify('exit 1'))}
`);
  // Two pods (the second after the ~10 s back-off), then Failed.
  await waitUntil(async () => Boolean(condition(await json(['get', 'job', 'doomed']), 'Failed')), 120_000, 'job doomed Failed');
  const j = await json(['get', 'job', 'doomed']);
  expect(condition(j, 'Failed').reason).toBe('BackoffLimitExceeded');
  expect(j.status.failed).toBe(2);
  expect((await c.kubectl(['get', 'job', 'doomed'])).stdout).toMatch(/^doomed\s+Failed\s+0\/1\s/m);
}, 150_000);

it('lands one DaemonSet pod on each node, and on a node registered later', async () => {
  await apply(`
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec:${container(loop())}
`);
  const nodesOfPods = async () => live((await json(['get', 'pods', '-l', 'app=agent'])).items).filter(isReady).map((p: any) => p.spec.nodeName).sort();
  await waitUntil(async () => JSON.stringify(await nodesOfPods()) === JSON.stringify([...c.nodeNames].sort()), 90_000, 'an agent pod on each of two nodes');

  const third = c.addNode();
  await waitUntil(async () => new RegExp(`^${third}\\s+Ready\\s`, 'm').test((await c.kubectl(['get', 'nodes', '--no-headers'])).stdout), 90_000, 'the third node Ready');
  await waitUntil(async () => JSON.stringify(await nodesOfPods()) === JSON.stringify([...c.nodeNames].sort()), 90_000, 'an agent pod on the third node');
  expect(await nodesOfPods()).toHaveLength(3);
  await waitUntil(async () => (await json(['get', 'daemonset', 'agent'])).status?.numberReady === 3, 30_000, 'numberReady 3');
  expect((await json(['get', 'daemonset', 'agent'])).status).toMatchObject({ desiredNumberScheduled: 3, currentNumberScheduled: 3 });
  expect((await c.kubectl(['get', 'daemonset', 'agent'])).stdout).toMatch(/^agent\s+3\s+3\s+3\s/m);

  expect((await c.kubectl(['delete', 'daemonset', 'agent'])).code).toBe(0);
  await waitUntil(async () => (await json(['get', 'pods', '-l', 'app=agent'])).items.length === 0, 90_000, 'the agent pods gone');
}, 300_000);

/** Pod creations and removals of app=web, in the order the event log has them. */
async function watchOrder(): Promise<{ order: string[]; stop: () => Promise<void> }> {
  const w: EventWatch = await log.watch({ afterSeq: await log.lastSeq(), filter: { kind: 'Pod', namespace: 'default' } });
  const seen = new Set<string>();
  const order: string[] = [];
  const done = (async () => {
    for await (const e of w) {
      if (!e.name.startsWith('web-')) continue;
      if (isRemoval(e)) { seen.delete(e.name); order.push(`-${e.name}`); }
      else if (!seen.has(e.name)) { seen.add(e.name); order.push(`+${e.name}`); }
    }
  })();
  return { order, stop: async () => { await w.close(); await done; } };
}

it('brings a StatefulSet up in order 0,1,2, scales down 2,1, and a deleted pod keeps its name and its data', async () => {
  // Claims are node-local folders: the scheduler places a claim on its first pod's node
  // (selected-node) and sends later pods of the claim there, so a recreated pod finds its data.
  const watch = await watchOrder();
  await apply(`
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  clusterIP: None
  selector: { app: web }
  ports: [{ port: 80 }]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: web }
spec:
  serviceName: web
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:${container(loop())}
          volumeMounts: [{ name: data, mountPath: /data }]
  volumeClaimTemplates:
    - metadata: { name: data }
      spec:
        accessModes: [ReadWriteOnce]
        resources: { requests: { storage: 1Gi } }
`);
  const webPods = async () => live((await json(['get', 'pods', '-l', 'app=web'])).items);
  const readyNames = async () => (await webPods()).filter(isReady).map((p: any) => p.metadata.name).sort();
  await waitUntil(async () => JSON.stringify(await readyNames()) === '["web-0","web-1","web-2"]', 180_000, 'web-0, web-1, web-2 Ready');
  expect(watch.order).toEqual(['+web-0', '+web-1', '+web-2']);
  const byName = Object.fromEntries((await webPods()).map((p: any) => [p.metadata.name, p]));
  expect(Date.parse(byName['web-0'].metadata.creationTimestamp)).toBeLessThanOrEqual(Date.parse(byName['web-1'].metadata.creationTimestamp));
  expect(Date.parse(byName['web-1'].metadata.creationTimestamp)).toBeLessThanOrEqual(Date.parse(byName['web-2'].metadata.creationTimestamp));
  expect(byName['web-1'].spec).toMatchObject({ hostname: 'web-1', subdomain: 'web' });
  const claims = (await json(['get', 'pvc'])).items.map((x: any) => x.metadata.name).sort();
  expect(claims).toEqual(['data-web-0', 'data-web-1', 'data-web-2']);
  await waitUntil(async () => (await json(['get', 'statefulset', 'web'])).status?.readyReplicas === 3, 30_000, 'readyReplicas 3');

  expect((await c.kubectl(['scale', 'statefulset/web', '--replicas=1'])).code).toBe(0);
  await waitUntil(async () => (await json(['get', 'pods', '-l', 'app=web'])).items.length === 1, 120_000, 'scaled down to web-0');
  expect(watch.order.slice(3)).toEqual(['-web-2', '-web-1']);
  expect((await json(['get', 'pvc'])).items.map((x: any) => x.metadata.name).sort()).toEqual(claims); // claims are kept

  const exec = await c.kubectl(['exec', 'web-0', '--', 'sh', '-c', 'echo kept-data > /data/file']);
  expect(exec.code).toBe(0);
  const { metadata: { uid: before }, spec: { nodeName: node } } = await json(['get', 'pod', 'web-0']);
  expect((await json(['get', 'pvc', 'data-web-0'])).metadata.annotations?.['volume.kubernetes.io/selected-node']).toBe(node);
  expect((await c.kubectl(['delete', 'pod', 'web-0'])).code).toBe(0);
  await waitUntil(async () => {
    const p = (await webPods()).find((x: any) => x.metadata.name === 'web-0');
    return Boolean(p && p.metadata.uid !== before && isReady(p));
  }, 120_000, 'web-0 back');
  const after = await json(['get', 'pod', 'web-0']);
  expect(after.spec.nodeName).toBe(node);
  const read = await c.kubectl(['exec', 'web-0', '--', 'cat', '/data/file']);
  expect(read.stdout.trim()).toBe('kept-data');
  await watch.stop();

  expect((await c.kubectl(['delete', 'statefulset', 'web'])).code).toBe(0);
  await waitUntil(async () => (await json(['get', 'pods', '-l', 'app=web'])).items.length === 0, 90_000, 'the web pods gone');
}, 420_000);

it('the CronJob ran once a minute, never two at a time, and kept one successful Job', async () => {
  // At least two schedules since creation (real minutes), to see the history limit work.
  const twoRuns = Math.max(0, cronCreatedAt + 130_000 - Date.now());
  const names = new Set<string>();
  let maxActive = 0;
  await waitUntil(async () => {
    const cj = await json(['get', 'cronjob', 'tick']);
    maxActive = Math.max(maxActive, cj.status?.active?.length ?? 0);
    for (const j of (await json(['get', 'jobs'])).items) if (j.metadata.name.startsWith('tick-')) names.add(j.metadata.name);
    return names.size >= 2;
  }, twoRuns + 60_000, 'two jobs of the CronJob');
  expect(maxActive).toBeLessThanOrEqual(1);
  const cj = await json(['get', 'cronjob', 'tick']);
  expect(cj.status.lastScheduleTime).toBeTruthy();
  // Names are tick-<minutes since the epoch>: one per minute.
  const minutes = [...names].map((n) => Number(n.slice('tick-'.length))).sort();
  for (let i = 1; i < minutes.length; i++) expect(minutes[i] - minutes[i - 1]).toBe(1);
  // Once the newest has completed, only successfulJobsHistoryLimit = 1 completed Job remains.
  await waitUntil(async () => {
    const jobs = (await json(['get', 'jobs'])).items.filter((j: any) => j.metadata.name.startsWith('tick-'));
    return jobs.filter((j: any) => condition(j, 'Complete')).length === 1;
  }, 60_000, 'one successful Job kept');
}, 300_000);

it('replay: today\'s DaemonSet and StatefulSet controllers make the decisions recorded above', async () => {
  const r = await runWake(['replay', '-o', 'json'], { NATS_URL: c.nats.url, DATABASE_URL: c.databaseUrl }, 120_000);
  expect(r.stderr).toBe('');
  const report = JSON.parse(r.stdout);
  const ours = report.differences.filter((d: any) => d.component === 'daemonset' || d.component === 'statefulset');
  expect(ours).toEqual([]);
  for (const controller of ['daemonset', 'statefulset']) {
    expect(report.components[controller].compared).toBeGreaterThan(0);
    expect(report.components[controller].different).toBe(0);
    expect(report.notCompared[controller]).toBeUndefined(); // every write attributed (a StatefulSet's claims by name)
  }
}, 150_000);
