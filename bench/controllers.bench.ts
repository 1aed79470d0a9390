/**
 * Controllers at scale: time from creating a Deployment to all its replicas available, on
 * SIMULATED nodes (apps/node-agent/src/simulated: Node objects whose pods are reported
 * Running without containers). Every component is its real process: projector, controllers,
 * scheduler (or, if asked or missing, the simulated agent's round-robin binder, a stand-in
 * that the output names), the simulated node agent. Private nats-server and a fresh database.
 * Next to it, in the same run, the write floor: the same pod writes done directly.
 *
 *   node -r ./scripts/register.js bench/controllers.bench.ts [--quick] [--binder scheduler|round-robin] [--out file]
 */
import fs from 'node:fs';
import path from 'node:path';
import { connect } from 'nats';
import { DEFAULT_STREAM, JetStreamEventLog } from '@wake/events';
import { ObjectStore } from '@wake/store';
import { createTestDatabase, TestNatsServer } from '@wake/testing';
import { SIMULATED_TOLERATION } from '../apps/node-agent/src/simulated/objects';
import { ServiceProcess } from './controllers/processes';
import { RolloutClock, type Milestones } from './controllers/rollout-clock';
import { writeFloor } from './controllers/write-floor';
import { machineInfo } from './support/machine';
import { int, table } from './support/table';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const out = arg('--out') ? path.resolve(arg('--out')!) : path.join(__dirname, 'results', quick ? 'controllers.quick.json' : 'controllers.json');
const schedulerMain = path.join(__dirname, '..', 'apps/scheduler/src/main.ts');
const binder = (arg('--binder') ?? (fs.existsSync(schedulerMain) ? 'scheduler' : 'round-robin')) as 'scheduler' | 'round-robin';
const PLAN = quick ? { replicas: 100, nodes: 10 } : { replicas: 1000, nodes: 100 };
const actor = { type: 'user' as const, name: 'bench' };
const log = (m: string) => console.log(m);

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  log(`wake controllers benchmark (${quick ? 'quick' : 'full'}): ${PLAN.replicas} replicas on ${PLAN.nodes} SIMULATED nodes (pods reported Running without containers)`);
  log(binder === 'scheduler'
    ? 'binding: the real scheduler (apps/scheduler/src/main.ts)'
    : 'binding: ROUND-ROBIN STAND-IN in the simulated node agent (WAKE_SIMULATED_BIND=1), not the real scheduler');
  const cleanup: Array<() => Promise<unknown>> = [];
  const onSignal = () => { void runAll(cleanup).finally(() => process.exit(130)); };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const nats = await TestNatsServer.start();
    cleanup.unshift(() => nats.stop());
    const db = await createTestDatabase('wake_bench_ctrl');
    cleanup.unshift(() => db.drop());
    const nc = await connect({ servers: nats.url });
    cleanup.unshift(() => nc.close());
    const eventLog = await JetStreamEventLog.open(nc, { stream: DEFAULT_STREAM });
    const store = new ObjectStore(eventLog);
    for (const name of ['default', 'kube-node-lease', 'floor']) await store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, { actor });

    const env = { NATS_URL: nats.url, DATABASE_URL: db.url };
    const procs: ServiceProcess[] = [];
    const startService = async (name: string, main: string, extra: Record<string, string>, ready: RegExp) => {
      const p = ServiceProcess.start(name, main, { ...env, ...extra });
      procs.push(p);
      cleanup.unshift(() => p.stop());
      await p.waitFor(ready, 60_000);
      return p;
    };
    await startService('projector', 'apps/projector/src/main.ts', {}, /projecting/);
    await startService('simulated-nodes', 'apps/node-agent/src/simulated/main.ts', {
      WAKE_SIMULATED_NODES: String(PLAN.nodes), WAKE_SIMULATED_BIND: binder === 'round-robin' ? '1' : '0',
    }, /registered/);
    if (binder === 'scheduler') await startService('scheduler', 'apps/scheduler/src/main.ts', { WAKE_SCHEDULER_LEASE_TTL_MS: '3000' }, /cache synced/);
    await startService('controllers', 'apps/controllers/src/main.ts', {}, /controllers running/);
    await new Promise((r) => setTimeout(r, 3000)); // let the scheduler win its lease and everything settle

    const app = 'bench';
    let t0 = 0;
    const clock = new RolloutClock(PLAN.replicas, app, () => t0);
    await clock.start(eventLog, await eventLog.lastSeq());
    t0 = Date.now();
    await store.create({
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: app, namespace: 'default' },
      spec: {
        replicas: PLAN.replicas, selector: { matchLabels: { app } },
        template: { metadata: { labels: { app } }, spec: { containers: [{ name: 'app', image: 'nginx:1' }], tolerations: [SIMULATED_TOLERATION] } },
      },
    }, { actor });
    const timeoutMs = quick ? 120_000 : 600_000;
    const timedOut = await Promise.race([clock.finished.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), timeoutMs).unref())]);
    await new Promise((r) => setTimeout(r, 500));
    await clock.stop();
    if (timedOut) {
      for (const p of procs) log(`--- ${p.name} (tail)\n${p.output.slice(-2000)}`);
      throw new Error(`the Deployment was not available within ${timeoutMs / 1000} s: ${JSON.stringify(clock.m)}`);
    }
    for (const p of procs.reverse()) await p.stop();

    log('\nwrite floor: the same pod writes (create, bind, report Running) straight through the ObjectStore, concurrency 32');
    const nodes = Array.from({ length: PLAN.nodes }, (_, i) => `sim-node-${i}`);
    const floorMs = await writeFloor(store, 'floor', PLAN.replicas, nodes);
    print(clock.m, floorMs);

    const report = {
      benchmark: 'controllers',
      mode: quick ? 'quick' : 'full',
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: machineInfo(),
      plan: { ...PLAN, binder, nodesAreSimulated: true },
      note: binder === 'scheduler' ? 'pods bound by the real scheduler' : 'pods bound by the round-robin stand-in of the simulated node agent, not the real scheduler',
      milestonesMs: { podsCreated: clock.m.podsCreated, podsBound: clock.m.podsBound, podsReady: clock.m.podsReady, deploymentAvailable: clock.m.deploymentAvailable },
      replicasPerSec: PLAN.replicas / ((clock.m.deploymentAvailable ?? NaN) / 1000),
      writeFloorMs: floorMs,
      ratioToFloor: (clock.m.deploymentAvailable ?? NaN) / floorMs,
      events: clock.m.events,
      eventsByType: clock.m.byType,
    };
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(report, (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1000) / 1000 : v), 2) + '\n');
    log(`\nfigures written to ${path.relative(process.cwd(), out)}`);
  } finally {
    await runAll(cleanup);
  }
}

function print(m: Milestones, floorMs: number): void {
  const s = (v: number | undefined) => (v === undefined ? '-' : (v / 1000).toFixed(2));
  log('');
  log(table(['milestone (from the Deployment create)', 'seconds'], [
    [`all ${int(PLAN.replicas)} pods created`, s(m.podsCreated)],
    [`all bound (${binder})`, s(m.podsBound)],
    ['all reported Running/Ready (simulated)', s(m.podsReady)],
    ['Deployment: all replicas available', s(m.deploymentAvailable)],
    ['write floor (same pod writes, direct)', s(floorMs)],
  ]));
  log(`\n${int(PLAN.replicas / ((m.deploymentAvailable ?? NaN) / 1000))} replicas/s; ${((m.deploymentAvailable ?? NaN) / floorMs).toFixed(2)}x the write floor; ${int(m.events)} events on the log during the rollout`);
  const top = Object.entries(m.byType).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([t, n]) => `${t} ${n}`).join(', ');
  log(`events: ${top}`);
}

async function runAll(steps: Array<() => Promise<unknown>>): Promise<void> {
  for (const step of steps.splice(0)) await step().catch((e) => console.error(`cleanup: ${(e as Error).message}`));
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
