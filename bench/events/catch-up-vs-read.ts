import { performance } from 'node:perf_hooks';
import type { JetStreamClient, NatsConnection } from 'nats';
import { Projector, rebuildBlueGreen, rebuildProjection } from '@wake/projection';
import { median } from '../support/run-concurrent';
import { orderedRead, type ReadResult } from './ordered-read';
import type { CpuMeter } from '../support/cpu';
import type { PgBackendCpu } from './pg-backend-cpu';
import type { TimedProjectionStore } from './timed-store';

export interface CatchUpFigure {
  /** How the batch statement reaches PostgreSQL: 'pg' (the pool, directly) or 'prisma' (its client engine). */
  readonly via: Via;
  readonly maxBatch: number;
  readonly eventsPerSec: number;
  readonly seconds: number;
  /** Over the raw ordered read's rate (the better of its two pull sizes). */
  readonly ratio: number;
  readonly batches: number;
  readonly meanBatch: number;
  /** rows written per batch: each object's newest event in the batch */
  readonly meanRows: number;
  /** Time spent waiting on the batch statement (client round trip), summed, over wall time. */
  readonly statementShare: number;
  readonly meanStatementMs: number;
  readonly maxStatementMs: number;
  /** Event-loop utilisation of this Node process during the catch-up (1 = Node saturated). */
  readonly nodeBusy: number;
  /** CPU per event: this Node process, the database's PostgreSQL backends, the nats-server. */
  readonly nodeCpuMicros: number;
  readonly pgCpuMicros?: number;
  readonly natsCpuMicros?: number;
}

export type Via = 'pg' | 'prisma';

export interface RebuildFigure {
  readonly seconds: number;
  readonly eventsPerSec: number;
  readonly ratio: number;
  readonly hashMatchesCatchUp: boolean;
  readonly liveObjects: number;
  /** blue-green: how long the live projector's writes were held (final catch-up, hashes, switch) */
  readonly pausedMs?: number;
}

export interface ProjectionResult {
  readonly rawRead: { eventsPerSec: number; defaultPull: ReadResult[]; largePull: ReadResult[] };
  readonly catchUp: CatchUpFigure[];
  /** `wake projection rebuild`: blue-green (the default) and in place (--in-place). */
  readonly rebuild: RebuildFigure;
  readonly rebuildInPlace: RebuildFigure;
  /** Every catch-up (either path, any batch size) and the rebuild ended in the same state. */
  readonly sameStateEverywhere: boolean;
}

/**
 * Projection catch-up from an empty database over a full stream, at several batch sizes (and
 * once through Prisma, as well as through the pg pool),
 * side by side with a plain ordered-consumer read of the same stream, interleaved (a raw read
 * before the first and after every catch-up), then a full rebuild (truncate, replay, hash).
 */
export async function benchCatchUp(
  nc: NatsConnection,
  js: JetStreamClient,
  stores: Record<Via, TimedProjectionStore>,
  opts: {
    stream: string; lastSeq: number; events: number; live: number;
    runs: ReadonlyArray<{ via: Via; maxBatch: number }>;
    cpu: CpuMeter; pgCpu: PgBackendCpu; log: (m: string) => void;
  },
): Promise<ProjectionResult> {
  const defaultPull: ReadResult[] = [];
  const largePull: ReadResult[] = [];
  const readBoth = async () => {
    defaultPull.push(await orderedRead(js, opts.stream, opts.lastSeq));
    largePull.push(await orderedRead(js, opts.stream, opts.lastSeq, 10_000));
    opts.log(`  raw ordered read: ${fmt(defaultPull.at(-1)!.eventsPerSec)} ev/s (pull 100), ${fmt(largePull.at(-1)!.eventsPerSec)} ev/s (pull 10000)`);
  };
  await readBoth(); // also warms the stream's blocks into the page cache
  const runs: Array<Omit<CatchUpFigure, 'ratio'>> = [];
  const hashes = new Set<string>();
  let catchUpHash = '';
  for (const { via, maxBatch } of opts.runs) {
    const store = stores[via];
    await store.reset();
    store.resetTimers();
    const projector = new Projector(nc, store, { stream: opts.stream, name: 'bench', maxBatch });
    await opts.pgCpu.start();
    const cpu0 = opts.cpu.sample();
    const elu0 = performance.eventLoopUtilization();
    const started = process.hrtime.bigint();
    await projector.start();
    await projector.reached(opts.lastSeq);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const elu = performance.eventLoopUtilization(elu0).utilization;
    const cpu = opts.cpu.perOp(cpu0, opts.events);
    const pgMicros = await opts.pgCpu.stop();
    await projector.stop();
    const live = await store.count();
    if (live !== opts.live || projector.applied !== opts.events) {
      throw new Error(`catch-up via ${via} at maxBatch ${maxBatch}: ${live} live objects (want ${opts.live}), ${projector.applied} events applied (want ${opts.events})`);
    }
    catchUpHash = await store.hash();
    hashes.add(catchUpHash);
    runs.push({
      via,
      maxBatch,
      eventsPerSec: opts.events / seconds,
      seconds,
      batches: store.batches,
      meanBatch: store.events / store.batches,
      meanRows: store.rows / store.batches,
      statementShare: store.statementMs / 1000 / seconds,
      meanStatementMs: store.statementMs / store.batches,
      maxStatementMs: store.maxStatementMs,
      nodeBusy: elu,
      nodeCpuMicros: cpu.nodeMicros,
      pgCpuMicros: pgMicros === undefined ? undefined : pgMicros / opts.events,
      natsCpuMicros: cpu.serverMicros,
    });
    opts.log(`  catch-up via ${via}, maxBatch ${maxBatch}: ${fmt(opts.events / seconds)} ev/s in ${seconds.toFixed(1)} s, ${store.batches} batches, ${Math.round(100 * store.statementMs / 1000 / seconds)}% waiting on PostgreSQL, Node busy ${Math.round(100 * elu)}%; CPU µs/event: node ${cpu.nodeMicros.toFixed(1)}, postgres ${pgMicros === undefined ? '?' : (pgMicros / opts.events).toFixed(1)}, nats ${cpu.serverMicros?.toFixed(1) ?? '?'}`);
    await readBoth();
  }
  const rawRate = Math.max(median(defaultPull.map((r) => r.eventsPerSec)), median(largePull.map((r) => r.eventsPerSec)));

  // Blue-green first (fresh tables next to the live ones, then the switch), then in place.
  const blueGreen = await rebuildBlueGreen(nc, stores.pg, { stream: opts.stream, name: 'bench' });
  const bgSeconds = blueGreen.millis / 1000;
  opts.log(`  rebuild, blue-green: ${bgSeconds.toFixed(1)} s (fresh tables, replay ${blueGreen.events} events, hash both, switch; projector held ${blueGreen.pausedMillis} ms)`);
  if (!blueGreen.switched || blueGreen.events !== opts.events) throw new Error(`blue-green rebuild: switched ${blueGreen.switched}, ${blueGreen.events} events applied (want ${opts.events})`);
  if (blueGreen.freshHash !== catchUpHash) throw new Error(`the blue-green rebuild ended in another state: ${blueGreen.freshHash}, catch-ups ${catchUpHash}`);
  const bgLive = await stores.pg.count();

  const rebuilt = await rebuildProjection(nc, stores.pg, { stream: opts.stream, name: 'bench' });
  const rebuildSeconds = rebuilt.millis / 1000;
  opts.log(`  rebuild, in place: ${rebuildSeconds.toFixed(1)} s (truncate, replay ${rebuilt.events} events, hash)`);
  if (rebuilt.events !== opts.events) throw new Error(`rebuild applied ${rebuilt.events} events, want ${opts.events}`);
  if (hashes.size !== 1 || rebuilt.hash !== catchUpHash) throw new Error(`the catch-ups and the rebuild ended in different states: ${[...hashes, rebuilt.hash].join(', ')}`);
  return {
    rawRead: { eventsPerSec: rawRate, defaultPull, largePull },
    catchUp: runs.map((r) => ({ ...r, ratio: r.eventsPerSec / rawRate })),
    rebuild: {
      seconds: bgSeconds,
      eventsPerSec: opts.events / bgSeconds,
      ratio: opts.events / bgSeconds / rawRate,
      hashMatchesCatchUp: blueGreen.freshHash === catchUpHash,
      liveObjects: bgLive,
      pausedMs: blueGreen.pausedMillis,
    },
    rebuildInPlace: {
      seconds: rebuildSeconds,
      eventsPerSec: opts.events / rebuildSeconds,
      ratio: opts.events / rebuildSeconds / rawRate,
      hashMatchesCatchUp: rebuilt.hash === catchUpHash,
      liveObjects: await stores.pg.count(),
    },
    sameStateEverywhere: true,
  };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
