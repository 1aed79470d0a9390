/**
 * Services: how fast the proxy follows an endpoint change, and what it costs per request.
 *   1. network programming latency: EndpointSlice update on JetStream → informer → proxy programmed
 *      (p50/p99), and the sync step alone;
 *   2. proxy throughput and added latency: the same load tool against the backend directly and
 *      through the NodePort, in one run (ratio), with kept-alive connections and a connection per request;
 *   3. the same against a REAL pod (wake/web:1 in Docker on a TestCluster): directly at its podIP, through
 *      the NodePort and through the ClusterIP, in one run (ratios).
 * Bounded in count and time; traffic only on 127.0.0.0/8 and to the pod section 3 created; a private
 * nats-server (and for section 3 a whole TestCluster), removed at the end.
 *
 *   node -r ./scripts/register.js bench/services.bench.ts [--quick] [--no-real-pods] [--out file]
 */
import fs from 'node:fs';
import path from 'node:path';
import { benchProgramming, type ProgrammingResult } from './services/programming-latency';
import { benchRealPods, type RealPodsResult } from './services/real-pods';
import { benchThroughput, type ThroughputRow } from './services/throughput';
import { machineInfo } from './support/machine';
import { int, ms, pct, table } from './support/table';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const realPods = !args.includes('--no-real-pods');
const out = args.includes('--out')
  ? path.resolve(args[args.indexOf('--out') + 1])
  : path.join(__dirname, 'results', quick ? 'services.quick.json' : 'services.json');

const PLAN = quick
  ? { changes: 50, seconds: 2, trials: 1, levels: [{ mode: 'keepalive' as const, c: 16 }, { mode: 'close' as const, c: 8 }] }
  : { changes: 300, seconds: 8, trials: 3, levels: [{ mode: 'keepalive' as const, c: 1 }, { mode: 'keepalive' as const, c: 32 }, { mode: 'close' as const, c: 8 }] };

/** A random corner of 127/8 for this run (loopback only). */
const b = 1 + Math.floor(Math.random() * 250);
const addr = (first: number) => (host: number) => `127.${first}.${b}.${host}`;
const log = (m: string) => console.log(m);

/** Stops what is still running (section 3's cluster and its containers) on a signal or past the time bound. */
const cleanup: Array<() => Promise<unknown>> = [];
async function cleanUp(): Promise<void> {
  for (const f of cleanup.splice(0).reverse()) await f().catch((e) => console.error('cleanup:', e));
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  log(`wake services benchmark (${quick ? 'quick' : 'full'}): loopback only, private nats-server`);
  log(`\n1. network programming latency (${PLAN.changes} endpoint changes)`);
  const programming = await benchProgramming(PLAN.changes, addr(100));
  printProgramming(programming);
  log(`\n2. proxy throughput: direct vs NodePort, ${PLAN.seconds} s per run, ${PLAN.trials} trial(s), median kept`);
  const throughput = await benchThroughput(PLAN, addr(120));
  printThroughput(throughput);
  let real: RealPodsResult | undefined;
  if (realPods) {
    log(`\n3. REAL pod (wake/web:1, busybox httpd, in Docker on a 1-node TestCluster): direct vs NodePort vs ClusterIP, ${PLAN.seconds} s per run, ${PLAN.trials} trial(s)`);
    real = await benchRealPods(PLAN, cleanup, log);
    printRealPods(real);
  }
  const report = { benchmark: 'services', mode: quick ? 'quick' : 'full', startedAt, finishedAt: new Date().toISOString(), machine: machineInfo(), plan: PLAN, programming, throughput, ...(real ? { realPods: real } : {}) };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(report, (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1000) / 1000 : v), 2) + '\n');
  log(`\nfigures written to ${path.relative(process.cwd(), out)}`);
}

function printProgramming(p: ProgrammingResult): void {
  log(table(['path', 'p50 ms', 'p99 ms', 'max ms'], [
    ['slice update append → proxy programmed', ms(p.endToEnd.p50Ms), ms(p.endToEnd.p99Ms), ms(p.endToEnd.maxMs)],
    ['ServiceProxy.sync alone', ms(p.syncOnly.p50Ms), ms(p.syncOnly.p99Ms), '-'],
  ]));
  log(`requests after a change that reached the old backend: ${p.wrongAnswers} of ${p.changes}`);
}

function printThroughput(rows: ThroughputRow[]): void {
  log(table(['connections', 'conc', 'direct req/s', 'NodePort req/s', 'ratio', 'direct p99 ms', 'NodePort p99 ms', 'added p99 ms', 'errors'], rows.map((r) => [
    r.mode === 'keepalive' ? 'kept alive' : 'one per request', r.concurrency, int(r.direct.rps), int(r.nodePort.rps), pct(r.rpsRatio),
    ms(r.direct.p99Ms), ms(r.nodePort.p99Ms), ms(r.addedP99Ms), r.direct.errors + r.nodePort.errors,
  ])));
}

function printRealPods(r: RealPodsResult): void {
  const fig = (f: { rps: number; p50Ms: number; p99Ms: number }) => [int(f.rps), ms(f.p50Ms), ms(f.p99Ms)];
  log(table(['connections', 'conc', 'direct req/s', 'p50', 'p99', 'NodePort req/s', 'p50', 'p99', 'ClusterIP req/s', 'p50', 'p99', 'NP/direct', 'CIP/direct', 'reused', 'SYN drops', 'errors'], r.rows.map((x) => [
    x.mode === 'keepalive' ? 'kept alive' : 'one per request', x.concurrency,
    ...fig(x.direct), ...fig(x.nodePort), ...fig(x.clusterIP), pct(x.nodePortRatio), pct(x.clusterIPRatio),
    x.mode === 'keepalive' ? pct(x.direct.reusedShare ?? 0) : '-',
    [x.direct, x.nodePort, x.clusterIP].map((f) => f.listenDrops).join('/'), x.direct.errors + x.nodePort.errors + x.clusterIP.errors,
  ])));
  log('(p50/p99 in ms; ratios: median of the per-trial req/s ratios; reused: share of direct requests sent on a kept-alive connection;');
  log(' SYN drops: connections the pod\'s listen queue dropped during the direct/NodePort/ClusterIP run shown, each a 1 s retransmission)');
  log(`cleanup: TestCluster.stop() left ${r.leftAfterStop.containers} container(s) and ${r.leftAfterStop.networks} network(s)`);
}

const stopNow = (code: number) => () => { void cleanUp().finally(() => process.exit(code)); };
process.once('SIGINT', stopNow(130));
process.once('SIGTERM', stopNow(143));
const deadline = setTimeout(() => { console.error('services benchmark: over its time bound (25 min), stopping'); stopNow(2)(); }, 25 * 60_000);
deadline.unref();
main().then(() => process.exit(0), (e) => { console.error(e); void cleanUp().finally(() => process.exit(1)); });
