/**
 * Services: how fast the proxy follows an endpoint change, and what it costs per request.
 *   1. network programming latency: EndpointSlice update on JetStream → informer → proxy programmed
 *      (p50/p99), and the sync step alone;
 *   2. proxy throughput and added latency: the same load tool against the backend directly and
 *      through the NodePort, in one run (ratio), with kept-alive connections and a connection per request.
 * Bounded in count and time; all traffic on 127.0.0.0/8; a private nats-server, removed at the end.
 *
 *   node -r ./scripts/register.js bench/services.bench.ts [--quick] [--out file]
 */
import fs from 'node:fs';
import path from 'node:path';
import { benchProgramming, type ProgrammingResult } from './services/programming-latency';
import { benchThroughput, type ThroughputRow } from './services/throughput';
import { machineInfo } from './support/machine';
import { int, ms, pct, table } from './support/table';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
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

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  log(`wake services benchmark (${quick ? 'quick' : 'full'}): loopback only, private nats-server`);
  log(`\n1. network programming latency (${PLAN.changes} endpoint changes)`);
  const programming = await benchProgramming(PLAN.changes, addr(100));
  printProgramming(programming);
  log(`\n2. proxy throughput: direct vs NodePort, ${PLAN.seconds} s per run, ${PLAN.trials} trial(s), median kept`);
  const throughput = await benchThroughput(PLAN, addr(120));
  printThroughput(throughput);
  const report = { benchmark: 'services', mode: quick ? 'quick' : 'full', startedAt, finishedAt: new Date().toISOString(), machine: machineInfo(), plan: PLAN, programming, throughput };
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

const deadline = setTimeout(() => { console.error('services benchmark: over its time bound (15 min), stopping'); process.exit(2); }, 15 * 60_000);
deadline.unref();
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
