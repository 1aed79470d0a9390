/**
 * The scheduler's speed through the whole path, against kube-scheduler's anchor and its own pure core:
 *   1. the pure plugin pipeline (podInfo → schedule → trim record → assume) on 1,000 nodes, in process;
 *   2. end to end: 1,000 simulated Node objects (no agent behind them, labelled wake.dev/simulated=true,
 *      Ready=True) on a private nats-server; the real scheduler (apps/scheduler/src/main.ts) as a child
 *      process; 10,000 pods created through ObjectStore while it runs; every binding a Pod.Bound event on
 *      the log, observed by a watch. Reports pods/s and creation→binding latency, and where CPU went.
 *
 *   node -r ./scripts/register.js bench/scheduler.bench.ts [--quick] [--out file]
 */
import fs from 'node:fs';
import path from 'node:path';
import { connect } from 'nats';
import { DEFAULT_STREAM, JetStreamEventLog, type KubeObject } from '@wake/events';
import { ObjectStore } from '@wake/store';
import { TestNatsServer } from '@wake/testing';
import { burst, type BurstResult } from './scheduler/burst';
import { pureBench, simulatedNode, type PureResult } from './scheduler/pure-pipeline';
import { SchedulerProcess } from './scheduler/scheduler-process';
import { CpuMeter } from './support/cpu';
import { machineInfo } from './support/machine';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const out = args.includes('--out')
  ? path.resolve(args[args.indexOf('--out') + 1])
  : path.join(__dirname, 'results', quick ? 'scheduler.quick.json' : 'scheduler.json');
const PLAN = quick
  ? { nodes: 100, pods: 1_000, pure: 1_000, pacedPods: 500, pacedRate: 250 }
  : { nodes: 1_000, pods: 10_000, pure: 10_000, pacedPods: 3_000, pacedRate: 500 };
const CREATE_CONCURRENCY = Number(process.env.BENCH_CREATE_CONCURRENCY) || 128;
const ANCHOR = { kubeSchedulerPodsPerSec: 810, note: "kube-scheduler's scheduler_perf CI floor for SchedulingBasic at 5,000 nodes" };
const TARGET_PODS_PER_SEC = 1000;
const log = (m: string) => console.log(m);

interface CpuShare { schedulerSec: number; natsSec: number; benchSec: number; wallSec: number }

function procCpuSec(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch { return 0; }
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  log(`wake scheduler benchmark (${quick ? 'quick' : 'full'}): ${PLAN.pods} pods onto ${PLAN.nodes} simulated nodes`);

  log('\n1. pure plugin pipeline (in process)');
  const pure: PureResult = pureBench(PLAN.nodes, PLAN.pure, {});
  log(`   ${pure.podsPerSec} pods/s  (schedule ${pure.scheduleMicros} µs/pod, trimming the record ${pure.trimMicros} µs/pod)`);

  log('\n2. end to end (private nats-server, scheduler child process, pods created through ObjectStore)');
  const nats = await TestNatsServer.start();
  const natsPid = (nats as unknown as { proc?: { pid?: number } }).proc?.pid;
  const nc = await connect({ servers: nats.url });
  let scheduler: SchedulerProcess | undefined;
  try {
    const eventLog = await JetStreamEventLog.open(nc, { stream: DEFAULT_STREAM });
    const store = new ObjectStore(eventLog);
    const admin = { type: 'user', name: 'bench' } as const;
    await store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }, { actor: admin });
    const tNodes = performance.now();
    for (let i = 0; i < PLAN.nodes; i += 50) {
      await Promise.all(Array.from({ length: Math.min(50, PLAN.nodes - i) }, (_, k) => store.create(simulatedNode(i + k) as unknown as KubeObject, { actor: admin })));
    }
    log(`   ${PLAN.nodes} simulated nodes created in ${Math.round(performance.now() - tNodes)} ms`);
    scheduler = await SchedulerProcess.start(nats.url);
    const cpu = new CpuMeter(natsPid);
    const before = { sched: procCpuSec(scheduler.pid), nats: procCpuSec(natsPid), bench: cpu.sample().node / 1e6, wall: performance.now() };
    const e2e: BurstResult = await burst(eventLog, store, { pods: PLAN.pods, concurrency: CREATE_CONCURRENCY, timeoutMs: 300_000 });
    const cpuShare: CpuShare = {
      schedulerSec: round2(procCpuSec(scheduler.pid) - before.sched),
      natsSec: round2(procCpuSec(natsPid) - before.nats),
      benchSec: round2(cpu.sample().node / 1e6 - before.bench),
      wallSec: round2((performance.now() - before.wall) / 1000),
    };
    // Latency without a backlog: pods created at a steady rate below the scheduler's capacity.
    log(`   paced phase: ${PLAN.pacedPods} more pods at ${PLAN.pacedRate} pods/s`);
    const paced: BurstResult = await burst(eventLog, store, { pods: PLAN.pacedPods, concurrency: 16, timeoutMs: 120_000, offset: PLAN.pods, ratePerSec: PLAN.pacedRate });
    const stats = await scheduler.stop();
    scheduler = undefined;
    const bound = stats?.bound as number | undefined;
    const scheduleMs = stats?.scheduleMs as number | undefined;

    log(`   end to end: ${e2e.endToEndPodsPerSec} pods/s (makespan ${e2e.makespanMs} ms); bindings ${e2e.bindPodsPerSec} pods/s; creations ${e2e.createPodsPerSec} pods/s`);
    log(`   creation → binding: p50 ${e2e.latencyMs.p50} ms, p90 ${e2e.latencyMs.p90} ms, p99 ${e2e.latencyMs.p99} ms, max ${e2e.latencyMs.max} ms`);
    log(`   paced at ${PLAN.pacedRate} pods/s: creation → binding p50 ${paced.latencyMs.p50} ms, p90 ${paced.latencyMs.p90} ms, p99 ${paced.latencyMs.p99} ms, max ${paced.latencyMs.max} ms`);
    log(`   CPU (burst) over ${cpuShare.wallSec} s wall: scheduler ${cpuShare.schedulerSec} s, nats-server ${cpuShare.natsSec} s, bench (creator + watch) ${cpuShare.benchSec} s`);
    if (bound && scheduleMs !== undefined) log(`   scheduler (both phases): ${bound} bound, ${stats!.conflicts} conflicts, pure cycle ${Math.round((scheduleMs / bound) * 1000)} µs/pod in the service`);
    log(`\n   anchor: kube-scheduler ${ANCHOR.kubeSchedulerPodsPerSec} pods/s (${ANCHOR.note}); target ≥ ${TARGET_PODS_PER_SEC} pods/s end to end`);
    log(`   ratio to anchor ${(e2e.endToEndPodsPerSec / ANCHOR.kubeSchedulerPodsPerSec).toFixed(2)}; end to end / pure ${(e2e.endToEndPodsPerSec / pure.podsPerSec).toFixed(2)}; ${e2e.endToEndPodsPerSec >= TARGET_PODS_PER_SEC ? 'target met' : 'TARGET MISSED'}`);

    const result = {
      benchmark: 'scheduler', mode: quick ? 'quick' : 'full', startedAt, finishedAt: new Date().toISOString(),
      machine: machineInfo(), plan: { ...PLAN, createConcurrency: CREATE_CONCURRENCY },
      anchor: ANCHOR, targetPodsPerSec: TARGET_PODS_PER_SEC,
      pure, endToEnd: e2e, paced, cpu: cpuShare, schedulerStats: stats,
      ratios: { endToEndToAnchor: round2(e2e.endToEndPodsPerSec / ANCHOR.kubeSchedulerPodsPerSec), endToEndToPure: round2(e2e.endToEndPodsPerSec / pure.podsPerSec) },
    };
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
    log(`\nwritten to ${path.relative(process.cwd(), out)}`);
  } finally {
    await scheduler?.stop().catch(() => undefined);
    await nc.close();
    await nats.stop();
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;

main().catch((e) => { console.error(e); process.exit(1); });
