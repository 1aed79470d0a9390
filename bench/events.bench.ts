/**
 * The event log's speed, measured against its own floor in one run (see bench/README.md):
 *   1. append (seal, validate, expectation, dedupe id) vs raw JetStream publish of the same bytes;
 *   2. projection catch-up and rebuild vs a plain ordered-consumer read of the same stream.
 * Private nats-server and a fresh database; both are removed at the end.
 *
 *   node -r ./scripts/register.js bench/events.bench.ts [--quick] [--only append|projection] [--out file]
 */
import fs from 'node:fs';
import path from 'node:path';
import { connect, type NatsConnection } from 'nats';
import { DEFAULT_STREAM, JetStreamEventLog } from '@wake/events';
import { closePrisma, createPool, createPrisma, DEFAULT_MAX_BATCH } from '@wake/projection';
import { createTestDatabase, TestNatsServer } from '@wake/testing';
import { benchAppend, OPERATIONS, type AppendResult, type Operation } from './events/append-vs-publish';
import { benchCatchUp, type ProjectionResult, type Via } from './events/catch-up-vs-read';
import { publishMixedStream, type MixedStream } from './events/mixed-stream';
import { PgBackendCpu } from './events/pg-backend-cpu';
import { TimedProjectionStore } from './events/timed-store';
import { CpuMeter } from './support/cpu';
import { machineInfo } from './support/machine';
import { int, ms, pct, table } from './support/table';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const out = args.includes('--out')
  ? path.resolve(args[args.indexOf('--out') + 1])
  : path.join(__dirname, 'results', quick ? 'events.quick.json' : 'events.json');

const PLAN = quick
  ? {
    trials: 2, ops: (c: number) => (c === 1 ? 1_000 : 4_000), objects: 4_000, rounds: 10,
    catchUp: [{ via: 'pg', maxBatch: 2_000 }, { via: 'prisma', maxBatch: 2_000 }] as CatchUpRun[],
  }
  : {
    trials: 5, ops: (c: number) => (c === 1 ? 4_000 : 20_000), objects: 20_000, rounds: 10,
    catchUp: [
      { via: 'pg', maxBatch: 500 }, { via: 'pg', maxBatch: 2_000 }, { via: 'pg', maxBatch: 5_000 },
      { via: 'pg', maxBatch: 10_000 }, { via: 'prisma', maxBatch: 2_000 },
    ] as CatchUpRun[],
  };
type CatchUpRun = { via: Via; maxBatch: number };
const TARGET = { append: 0.7, catchUp: 0.25 };
const stream = { ...DEFAULT_STREAM, name: 'WAKE_BENCH' };
const log = (m: string) => console.log(m);

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  log(`wake events benchmark (${quick ? 'quick' : 'full'}): private nats-server, fresh database`);
  const cleanup: Array<() => Promise<unknown>> = [];
  const onSignal = () => { void runAll(cleanup).finally(() => process.exit(130)); };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const nats = await TestNatsServer.start();
    cleanup.unshift(() => nats.stop());
    const nc = await connect({ servers: nats.url });
    cleanup.unshift(() => nc.close());
    const db = await createTestDatabase('wake_bench');
    cleanup.unshift(() => db.drop());
    const prisma = createPrisma(db.url, 4);
    cleanup.unshift(() => closePrisma(prisma));
    const pool = createPool(db.url, 2);
    cleanup.unshift(() => pool.end());
    // The server's pid, for its CPU per operation (TestNatsServer keeps its process private).
    const cpu = new CpuMeter((nats as unknown as { proc?: { pid?: number } }).proc?.pid);

    let append: AppendResult | undefined;
    if (only !== 'projection') {
      log('\n1. append vs raw JetStream publish');
      const eventLog = await JetStreamEventLog.open(nc, { stream });
      // The server's pid, for its CPU per operation (TestNatsServer keeps its process private).
      append = await benchAppend(eventLog, nc.jetstream(), { concurrencies: [1, 32], ops: PLAN.ops, trials: PLAN.trials, cpu });
      await (await nc.jetstreamManager()).streams.delete(stream.name);
      printAppend(append);
    }
    let projection: (ProjectionResult & { workload: MixedStream }) | undefined;
    if (only !== 'append') {
      log(`\n2. projection catch-up vs ordered-consumer read (${int(PLAN.objects * PLAN.rounds)} events)`);
      await JetStreamEventLog.open(nc, { stream });
      const workload = await publishMixedStream(nc.jetstream(), { objects: PLAN.objects, rounds: PLAN.rounds });
      log(`  workload: ${int(workload.events)} events over ${int(workload.objects)} pods in ${workload.seconds.toFixed(1)} s (${int(workload.events / workload.seconds)} ev/s) ${JSON.stringify(workload.byType)}`);
      const stores = { pg: new TimedProjectionStore(prisma, pool), prisma: new TimedProjectionStore(prisma, null) };
      const result = await benchCatchUp(nc, nc.jetstream(), stores, {
        stream: stream.name, lastSeq: workload.lastSeq, events: workload.events, live: workload.live, runs: PLAN.catchUp, cpu, pgCpu: new PgBackendCpu(prisma), log,
      });
      projection = { workload, ...result };
      printProjection(projection);
    }

    const pgVersion = (await prisma.$queryRawUnsafe<{ v: string }[]>('SELECT version() AS v'))[0]?.v;
    const report = {
      benchmark: 'events',
      mode: quick ? 'quick' : 'full',
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: machineInfo(pgVersion),
      targets: TARGET,
      // --only runs one section: the other one's figures stay as the file had them.
      append: append ?? (only ? previousReport()?.append : undefined),
      projection: projection ?? (only ? previousReport()?.projection : undefined),
    };
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(report, round, 2) + '\n');
    log(`\nfigures written to ${path.relative(process.cwd(), out)}`);
  } finally {
    await runAll(cleanup);
  }
}

function previousReport(): { append?: AppendResult; projection?: ProjectionResult & { workload: MixedStream } } | undefined {
  try {
    return JSON.parse(fs.readFileSync(out, 'utf8'));
  } catch {
    return undefined;
  }
}

async function runAll(steps: Array<() => Promise<unknown>>): Promise<void> {
  for (const step of steps.splice(0)) await step().catch((e) => console.error(`cleanup: ${(e as Error).message}`));
}

function printAppend(r: AppendResult): void {
  log(`\nappend: ${r.objectBytes}-byte Pod objects (${r.eventBytes}-byte events), one subject per object; ops/s: median of trials; latency: all trials`);
  const rows: Array<Array<string | number>> = [];
  for (const l of r.levels) {
    for (const op of Object.keys(OPERATIONS) as Operation[]) {
      const f = l.figures[op];
      rows.push([OPERATIONS[op], l.concurrency, int(f.opsPerSec), ms(f.p50Ms), ms(f.p99Ms), pct(f.ratio), f.nodeCpuMicros.toFixed(1), f.serverCpuMicros?.toFixed(1) ?? '-']);
    }
  }
  log(table(['operation', 'conc', 'ops/s', 'p50 ms', 'p99 ms', 'vs raw', 'node µs/op', 'nats µs/op'], rows));
  log(`target: append (update) >= ${pct(TARGET.append)} of raw`);
}

function printProjection(p: ProjectionResult & { workload: MixedStream }): void {
  log('');
  const rows: Array<Array<string | number>> = [
    ['raw ordered read + JSON.parse (best pull)', '-', int(p.rawRead.eventsPerSec), '-', '100%', '-', '-', '-', '-', '-'],
    ...p.catchUp.map((c) => [`projector catch-up (${c.via === 'pg' ? 'pg pool' : 'through Prisma'})`, c.maxBatch, int(c.eventsPerSec), c.seconds.toFixed(1), pct(c.ratio), pct(c.statementShare), pct(c.nodeBusy),
      c.nodeCpuMicros.toFixed(1), c.pgCpuMicros?.toFixed(1) ?? '-', c.natsCpuMicros?.toFixed(1) ?? '-']),
    [`rebuild, blue-green (projector held ${int(p.rebuild.pausedMs ?? 0)} ms)`, DEFAULT_MAX_BATCH, int(p.rebuild.eventsPerSec), p.rebuild.seconds.toFixed(1), pct(p.rebuild.ratio), '-', '-', '-', '-', '-'],
    ['rebuild, in place (truncate + replay + hash)', DEFAULT_MAX_BATCH, int(p.rebuildInPlace.eventsPerSec), p.rebuildInPlace.seconds.toFixed(1), pct(p.rebuildInPlace.ratio), '-', '-', '-', '-', '-'],
  ];
  log(table(['', 'maxBatch', 'events/s', 'seconds', 'vs raw', 'in PG', 'Node busy', 'node µs/ev', 'pg µs/ev', 'nats µs/ev'], rows));
  log(`target: catch-up >= ${pct(TARGET.catchUp)} of raw read; every catch-up and the rebuild ${p.sameStateEverywhere ? 'ended in the same state (same hash)' : 'did NOT end in the same state'}`);
}

/** Three decimals are plenty in the file. */
function round(_key: string, v: unknown): unknown {
  return typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1000) / 1000 : v;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
