/**
 * History at scale (issue 9), in one run on a private nats-server and a fresh database:
 *   1. `state --at` latency on a long log, for a point near the start and one near the end
 *      (nearest snapshot + tail replay), by sequence and by time;
 *   2. full projection rebuild rate vs a plain ordered-consumer read of the same stream (ratio),
 *      and the history indexer's rate (event index + snapshots) next to them;
 *   3. the stream's storage per million events (JetStream stream info bytes).
 *
 *   node -r ./scripts/register.js bench/history.bench.ts [--quick] [--out file]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect, type NatsConnection } from 'nats';
import { DEFAULT_STREAM, JetStreamEventLog } from '@wake/events';
import { HistoryIndexer, HistoryStore, LogStream, stateAt, type StateQuery } from '@wake/history';
import { closePrisma, createPool, createPrisma, ProjectionStore, rebuildProjection } from '@wake/projection';
import { createTestDatabase, TestNatsServer } from '@wake/testing';
import { publishEvents } from './history/publish-events';
import { readUntil } from '../libs/history/src/stream/read-until';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const out = args.includes('--out') ? path.resolve(args[args.indexOf('--out') + 1]) : path.join(__dirname, 'results', quick ? 'history.quick.json' : 'history.json');
const PLAN = quick
  ? { total: 50_000, objects: 1_000, snapshotEvery: 5_000, concurrency: 256, payloadBytes: 400, trials: 3 }
  : { total: 1_000_000, objects: 10_000, snapshotEvery: 50_000, concurrency: 512, payloadBytes: 400, trials: 5 };

const rate = (n: number, millis: number) => Math.round((n / Math.max(1, millis)) * 1000);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const log = (s: string) => process.stdout.write(s + '\n');

/**
 * The floor: read and decode the whole stream through an ephemeral AckNone pull consumer.
 * (nats.js 2.29's ordered consumer does not start against Debian's nats-server 2.9.10 here.)
 */
async function plainRead(nc: NatsConnection, stream: string, last: number): Promise<number> {
  const started = Date.now();
  const decoder = new TextDecoder();
  for await (const m of readUntil(nc, { stream, afterSeq: 0, untilSeq: last })) JSON.parse(decoder.decode(m.data));
  return Date.now() - started;
}

async function main(): Promise<void> {
  const nats = await TestNatsServer.start();
  const nc = await connect({ servers: nats.url });
  const db = await createTestDatabase('wake_history_bench');
  const prisma = createPrisma(db.url);
  const pool = createPool(db.url, 4);
  try {
    const evlog = await JetStreamEventLog.open(nc, { stream: DEFAULT_STREAM });
    const start = Date.UTC(2026, 0, 1);
    const spanMs = 24 * 3600 * 1000;
    log(`history bench (${quick ? 'quick' : 'full'}): ${PLAN.total} events over ${PLAN.objects} objects, snapshot every ${PLAN.snapshotEvery}`);
    const pub = await publishEvents(nc, { ...PLAN, start, spanMs });
    const stream = await LogStream.open(nc, evlog, DEFAULT_STREAM.name);
    const info = await stream.info();
    log(`published ${info.messages} events in ${(pub.millis / 1000).toFixed(1)} s (${rate(info.messages, pub.millis)}/s); stream ${(info.bytes / 1e6).toFixed(1)} MB`);

    const readMs = await plainRead(nc, DEFAULT_STREAM.name, info.lastSeq);
    log(`plain consumer read: ${rate(info.messages, readMs)} events/s`);
    const rebuilt = await rebuildProjection(nc, new ProjectionStore(prisma), { stream: DEFAULT_STREAM.name });
    log(`projection rebuild: ${rate(rebuilt.events, rebuilt.millis)} events/s (${(rebuilt.millis / 1000).toFixed(1)} s)`);
    const store = new HistoryStore(pool);
    const indexed = await new HistoryIndexer(nc, store, { stream: DEFAULT_STREAM.name, snapshotEvery: PLAN.snapshotEvery }).catchUp();
    log(`history index + snapshots: ${rate(indexed.indexed, indexed.millis)} events/s (${indexed.snapshots} snapshots, ${(indexed.millis / 1000).toFixed(1)} s)`);

    const points = [
      { name: 'near start, by sequence', point: { seq: Math.min(1_000, info.lastSeq) } },
      { name: 'near end, by sequence', point: { seq: info.lastSeq - 1_000 } },
      { name: 'near end, just after a snapshot', point: { seq: Math.floor((info.lastSeq - 1_000) / PLAN.snapshotEvery) * PLAN.snapshotEvery + 10 } },
      { name: 'near start, by time', point: { time: new Date(start + spanMs * 0.001) } },
      { name: 'near end, by time', point: { time: new Date(start + spanMs * 0.999) } },
    ];
    const queries: { name: string; q: StateQuery }[] = [{ name: 'Pod, one namespace', q: { kind: 'Pod', namespace: 'ns-3' } }, { name: 'whole cluster', q: {} }];
    const latencies: Record<string, unknown>[] = [];
    for (const p of points) {
      for (const { name, q } of queries) {
        const times: number[] = [];
        let last: Awaited<ReturnType<typeof stateAt>> | undefined;
        for (let t = 0; t < PLAN.trials; t++) {
          const t0 = process.hrtime.bigint();
          last = await stateAt(stream, store, p.point, q);
          times.push(Number(process.hrtime.bigint() - t0) / 1e6);
        }
        const row = { point: p.name, query: name, seq: last!.seq, fromSnapshot: last!.fromSnapshot, replayed: last!.replayed, objects: last!.objects.length, medianMs: Math.round(median(times)), minMs: Math.round(Math.min(...times)) };
        latencies.push(row);
        log(`state --at ${p.name.padEnd(32)} ${name.padEnd(18)} seq ${String(row.seq).padStart(8)}  snapshot ${String(row.fromSnapshot).padStart(8)} + ${String(row.replayed).padStart(6)} replayed  ${String(row.objects).padStart(6)} objects  median ${row.medianMs} ms`);
      }
    }
    const result = {
      bench: 'history', quick, at: new Date().toISOString(), machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
      plan: PLAN,
      publish: { events: info.messages, millis: pub.millis, perSecond: rate(info.messages, pub.millis) },
      storage: { bytes: info.bytes, bytesPerMillionEvents: Math.round((info.bytes / info.messages) * 1e6), bytesPerEvent: Math.round(info.bytes / info.messages) },
      orderedRead: { millis: readMs, perSecond: rate(info.messages, readMs) },
      projectionRebuild: { millis: rebuilt.millis, perSecond: rate(rebuilt.events, rebuilt.millis), ratioToOrderedRead: +(rebuilt.millis ? readMs / rebuilt.millis : 0).toFixed(3) },
      historyIndex: { millis: indexed.millis, perSecond: rate(indexed.indexed, indexed.millis), snapshots: indexed.snapshots, ratioToOrderedRead: +(readMs / indexed.millis).toFixed(3) },
      stateAt: latencies,
    };
    log(`storage: ${(result.storage.bytesPerMillionEvents / 1e6).toFixed(0)} MB per million events (${result.storage.bytesPerEvent} B/event)`);
    log(`rebuild/read ratio: ${result.projectionRebuild.ratioToOrderedRead} (rebuild ${result.projectionRebuild.perSecond}/s vs read ${result.orderedRead.perSecond}/s)`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
    log(`wrote ${path.relative(process.cwd(), out)}`);
  } finally {
    await pool.end();
    await closePrisma(prisma);
    await db.drop();
    await nc.drain();
    await nats.stop();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
