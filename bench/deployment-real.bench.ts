/**
 * A Deployment with REAL containers: time from `kubectl apply` to all replicas available
 * (status.availableReplicas seen on the log), for 1, 10 and 30 replicas on a TestCluster
 * (every Wake service a child process, private nats-server and database, two node agents
 * running real Docker containers). Next to it, in the same run on the same engine, the floor:
 * the sum of bare sequential `docker run -d` times for the same containers — per pod the
 * sandbox (wake/pause:1) and the app (wake/web:1) joined to its network — removed one at a time
 * afterwards (Docker 20.10 can deadlock on bulk removal).
 *
 *   node -r ./scripts/register.js bench/deployment-real.bench.ts [--quick] [--sizes 1,10,30] [--rounds N] [--out file]
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { connect } from 'nats';
import { JetStreamEventLog, objectAt, isRemoval } from '@wake/events';
import { removeContainersSequentially, TestCluster, waitUntil } from '@wake/testing';
import { machineInfo } from './support/machine';
import { ms, table } from './support/table';

const run = promisify(execFile);
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const sizes = arg('--sizes') ? arg('--sizes')!.split(',').map(Number) : quick ? [1, 4] : [1, 10, 30];
const ROUNDS = arg('--rounds') ? Number(arg('--rounds')) : quick ? 1 : 2;
const out = arg('--out') ? path.resolve(arg('--out')!) : path.join(__dirname, 'results', quick ? 'deployment-real.quick.json' : 'deployment-real.json');
const log = (m: string) => console.log(m);

const manifest = (name: string, replicas: number) => `
apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, labels: { app: ${name} } }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      terminationGracePeriodSeconds: 2
      containers:
        - name: web
          image: wake/web:1
          imagePullPolicy: Never
          ports: [{ containerPort: 80 }]
`;

/** kubectl apply → the Deployment's status.availableReplicas = replicas (and updated), on the log. */
interface Milestones { ms: number; allCreatedMs: number; allBoundMs: number; allRunningMs: number; allReadyMs: number; perNode: Record<string, number> }
async function applyToAvailable(c: TestCluster, eventLog: JetStreamEventLog, name: string, replicas: number): Promise<Milestones> {
  const from = await eventLog.lastSeq();
  const w = await eventLog.watch({ afterSeq: from }); // every kind: pods for the milestones, the Deployment for the end
  let doneAt = 0;
  const pods = new Map<string, { createdAt: number; boundAt?: number; runningAt?: number; readyAt?: number }>();
  const seen = (async () => {
    for await (const e of w) {
      if (isRemoval(e)) continue;
      const o = objectAt(e);
      if (e.kind === 'Pod' && o.metadata.labels?.app === name) {
        const p = pods.get(e.name) ?? { createdAt: performance.now() };
        pods.set(e.name, p);
        if (!p.boundAt && (o.spec as { nodeName?: string } | undefined)?.nodeName) p.boundAt = performance.now();
        if (!p.runningAt && (o.status as { phase?: string } | undefined)?.phase === 'Running') p.runningAt = performance.now();
        if (!p.readyAt && ((o.status as { conditions?: Array<{ type: string; status: string }> } | undefined)?.conditions ?? []).some((x) => x.type === 'Ready' && x.status === 'True')) p.readyAt = performance.now();
      }
      if (e.kind !== 'Deployment' || e.name !== name) continue;
      const s = (o.status ?? {}) as { availableReplicas?: number; updatedReplicas?: number; replicas?: number };
      if (s.availableReplicas === replicas && s.updatedReplicas === replicas && s.replicas === replicas) { doneAt = performance.now(); return; }
    }
  })();
  const t0 = performance.now();
  const r = await c.kubectl(['apply', '-f', '-'], { input: manifest(name, replicas) });
  if (r.code !== 0) throw new Error(r.stderr);
  await Promise.race([seen, new Promise((_, reject) => setTimeout(() => reject(new Error(`${name}: not available after 10 min`)), 600_000))]);
  await w.close();
  const last = (k: 'createdAt' | 'boundAt' | 'runningAt' | 'readyAt') => Math.max(...[...pods.values()].map((p) => (p[k] ?? NaN) - t0));
  const items = JSON.parse((await c.kubectl(['get', 'pods', '-l', `app=${name}`, '-o', 'json'])).stdout).items as Array<{ spec: { nodeName: string } }>;
  const perNode: Record<string, number> = {};
  for (const p of items) perNode[p.spec.nodeName] = (perNode[p.spec.nodeName] ?? 0) + 1;
  return { ms: doneAt - t0, allCreatedMs: last('createdAt'), allBoundMs: last('boundAt'), allRunningMs: last('runningAt'), allReadyMs: last('readyAt'), perNode };
}

/** Deletes the Deployment and waits until its pods and containers are gone. */
async function deleteDeployment(c: TestCluster, name: string): Promise<void> {
  const r = await c.kubectl(['delete', 'deployment', name]);
  if (r.code !== 0) throw new Error(r.stderr);
  await waitUntil(async () => (await c.kubectl(['get', 'pods', '-l', `app=${name}`, '-o', 'name'])).stdout.trim() === '', 300_000, `${name}'s pods to be gone`);
  await waitUntil(async () => (await c.containers()).length === 0, 300_000, `${name}'s containers to be removed`);
}

/** The floor: the same containers started with bare sequential `docker run -d`, one pod at a time. */
async function dockerRunPods(label: string, pods: number): Promise<number> {
  let total = 0;
  for (let i = 0; i < pods; i++) {
    const t0 = performance.now();
    const { stdout } = await run('docker', ['run', '-d', '--init', '--label', label, '--label', 'wake.kind=sandbox', 'wake/pause:1']);
    await run('docker', ['run', '-d', '--init', '--label', label, '--network', `container:${stdout.trim()}`, 'wake/web:1']);
    total += performance.now() - t0;
  }
  return total;
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const label = `wake.test=bench-${randomUUID().slice(0, 8)}`;
  log(`wake deployment benchmark, REAL containers (${quick ? 'quick' : 'full'}): replicas ${sizes.join(', ')} on a TestCluster with 2 node agents, the local Docker engine`);
  const cleanup: Array<() => Promise<unknown>> = [];
  const onSignal = () => { void runAll(cleanup).finally(() => process.exit(130)); };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    cleanup.unshift(() => removeContainersSequentially(label));
    const c = await TestCluster.start({ nodes: 2 });
    cleanup.unshift(() => c.stop());
    const nc = await connect({ servers: c.nats.url });
    cleanup.unshift(() => nc.close());
    const eventLog = await JetStreamEventLog.open(nc);

    // warm-up: one pod through the cluster and one bare pod (first-use paths, image cache)
    await applyToAvailable(c, eventLog, 'warmup', 1);
    await deleteDeployment(c, 'warmup');
    await dockerRunPods(label, 1);
    await removeContainersSequentially(label);

    type Round = Omit<Milestones, 'perNode'> & { dockerRunSumMs: number; ratio: number; podsPerNode: Record<string, number> };
    const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
    const rounds = new Map<number, Round[]>(sizes.map((n) => [n, []]));
    // Each round runs every size, cluster then floor back to back, so load drifts hit both alike.
    for (let r = 0; r < ROUNDS; r++) {
      for (const n of sizes) {
        const name = `web-${n}-${r}`;
        const { perNode, ...cluster } = await applyToAvailable(c, eventLog, name, n);
        await deleteDeployment(c, name);
        const floor = await dockerRunPods(label, n);
        await removeContainersSequentially(label); // one at a time
        rounds.get(n)!.push({ ...cluster, dockerRunSumMs: floor, ratio: cluster.ms / floor, podsPerNode: Object.fromEntries(Object.entries(perNode).map(([k, v]) => [k.replace(/^e2e-[a-z0-9]+-/, 'node-'), v])) });
        log(`  round ${r + 1}, ${n} replicas: apply → available ${ms(cluster.ms)} ms (all created ${ms(cluster.allCreatedMs)}, bound ${ms(cluster.allBoundMs)}, Running ${ms(cluster.allRunningMs)}, Ready ${ms(cluster.allReadyMs)}); sum of docker run ${ms(floor)} ms`);
      }
    }
    const results = sizes.map((n) => {
      const rs = rounds.get(n)!;
      const m = (k: keyof Omit<Round, 'podsPerNode'>) => median(rs.map((x) => x[k]));
      return {
        replicas: n, rounds: rs.length,
        applyToAvailableMs: m('ms'), allCreatedMs: m('allCreatedMs'), allBoundMs: m('allBoundMs'), allRunningMs: m('allRunningMs'), allReadyMs: m('allReadyMs'),
        dockerRunSumMs: m('dockerRunSumMs'), dockerRunPerPodMs: m('dockerRunSumMs') / n, ratio: m('ratio'),
        samples: rs,
      };
    });

    log(`\nkubectl apply → all replicas available, real containers, 2 nodes (ms, median of ${ROUNDS} round${ROUNDS > 1 ? 's' : ''})`);
    log(table(['replicas', 'pods created', 'pods bound', 'pods Running', 'pods Ready', 'apply → available', 'sum of docker run -d (pause + web)', 'per pod (docker)', 'ratio'],
      results.map((r) => [r.replicas, ms(r.allCreatedMs), ms(r.allBoundMs), ms(r.allRunningMs), ms(r.allReadyMs), ms(r.applyToAvailableMs), ms(r.dockerRunSumMs), ms(r.dockerRunPerPodMs), `${r.ratio.toFixed(2)}×`])));
    log('ratio = apply → available over the sum of sequential docker runs (median of the per-round ratios); below 1, the two agents starting pods in parallel beat the docker CLI one pod after another');

    const report = {
      benchmark: 'deployment-real', mode: quick ? 'quick' : 'full', startedAt, finishedAt: new Date().toISOString(), machine: machineInfo(),
      rounds: ROUNDS, setup: { nodes: 2, image: 'wake/web:1', sandbox: 'wake/pause:1', floor: 'sequential docker run -d --init: sandbox, then app with --network container:<sandbox>; summed per size' },
      results,
    };
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(report, (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 100) / 100 : v), 2) + '\n');
    log(`\nwritten to ${path.relative(process.cwd(), out)}`);
  } finally {
    await runAll(cleanup);
  }
}

async function runAll(steps: Array<() => Promise<unknown>>): Promise<void> {
  for (const s of steps.splice(0)) await s().catch(() => undefined);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
