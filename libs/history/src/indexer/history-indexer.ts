import type { NatsConnection } from 'nats';
import { readUntil } from '../stream/read-until';
import { decodeEvent, type StoredEvent } from '@wake/events';
import { directEventAt } from '../stream/direct';
import type { HistoryStore } from '../store/history-store';
import { StateFold } from '../state/state-fold';

export interface IndexerOptions {
  readonly stream: string;
  /** Checkpoint name. */
  readonly name?: string;
  /** A snapshot of the live objects every this many events. */
  readonly snapshotEvery?: number;
  readonly batch?: number;
  readonly log?: (m: string) => void;
}

export interface IndexRun {
  readonly indexed: number;
  readonly throughSeq: number;
  readonly snapshots: number;
  readonly millis: number;
}

export const DEFAULT_SNAPSHOT_EVERY = 10_000;

/**
 * The history projection's writer: reads the log in order, indexes every event (id → seq,
 * causation) and folds the live objects, writing a snapshot every `snapshotEvery` events.
 * It resumes from its latest snapshot (re-folding the tail, re-indexing nothing twice: inserts
 * are idempotent), so any process may run it: the CLI catches it up before answering.
 */
export class HistoryIndexer {
  private fold = new StateFold();
  /** The sequence the in-memory fold is complete through (-1: it must be reloaded from a snapshot). */
  private foldThrough = -1;
  private lastSnapshot = 0;
  private running?: Promise<IndexRun>;
  private queued?: Promise<IndexRun>;
  private readonly every: number;
  private readonly batchSize: number;
  readonly name: string;

  constructor(private readonly nc: NatsConnection, private readonly store: HistoryStore, private readonly opts: IndexerOptions) {
    this.every = opts.snapshotEvery ?? DEFAULT_SNAPSHOT_EVERY;
    this.batchSize = opts.batch ?? 2000;
    this.name = opts.name ?? 'history';
  }

  /**
   * Indexes the log up to its last sequence at the time of the call. Calls made while a run is
   * under way share one follow-up run (which starts after it, so it reaches their call time too).
   */
  catchUp(): Promise<IndexRun> {
    if (!this.running) {
      this.running = this.run().finally(() => { this.running = undefined; });
      return this.running;
    }
    this.queued ??= this.running.catch(() => undefined).then(() => {
      this.queued = undefined;
      return this.catchUp();
    });
    return this.queued;
  }

  private async run(): Promise<IndexRun> {
    try {
      return await this.index();
    } catch (e) {
      this.foldThrough = -1;
      throw e;
    }
  }

  private async index(): Promise<IndexRun> {
    const started = Date.now();
    const jsm = await this.nc.jetstreamManager();
    const target = (await jsm.streams.info(this.opts.stream)).state.last_seq;
    const checkpoint = await this.store.checkpoint(this.name);
    if (checkpoint >= target) return { indexed: 0, throughSeq: checkpoint, snapshots: 0, millis: Date.now() - started };
    // The fold kept from the last run goes on when nobody else moved the checkpoint since.
    if (this.foldThrough !== checkpoint) {
      const snap = await this.store.latestSnapshot(checkpoint);
      this.fold = new StateFold(snap ? await this.store.snapshotEntries(snap.seq) : [], snap?.seq ?? 0);
      this.lastSnapshot = snap?.seq ?? 0;
    }
    this.foldThrough = -1;
    let indexed = 0;
    let snapshots = 0;
    let pending: StoredEvent[] = [];
    const flush = async () => {
      if (pending.length) { await this.store.indexBatch(pending, this.name); indexed += pending.length; pending = []; }
    };
    for await (const e of this.readFrom(this.fold.seq, target)) {
      this.fold.apply(e);
      if (e.seq > checkpoint) pending.push(e);
      if (e.seq - this.lastSnapshot >= this.every) {
        await flush();
        if (await this.store.writeSnapshot(e.seq, e.time, this.fold.entries())) snapshots++;
        this.lastSnapshot = e.seq;
      }
      if (pending.length >= this.batchSize) await flush();
    }
    await flush();
    this.foldThrough = target;
    const run = { indexed, throughSeq: target, snapshots, millis: Date.now() - started };
    this.opts.log?.(`history: indexed ${indexed} events through ${target}, ${snapshots} snapshots, in ${run.millis} ms`);
    return run;
  }

  /** Catches up, then writes a snapshot at the indexed end (on demand: `wake snapshot --now`). */
  async snapshotNow(): Promise<number> {
    const run = await this.catchUp();
    if (this.foldThrough !== run.throughSeq) {
      const snap = await this.store.latestSnapshot(run.throughSeq);
      this.fold = new StateFold(snap ? await this.store.snapshotEntries(snap.seq) : [], snap?.seq ?? 0);
      for await (const e of this.readFrom(this.fold.seq, run.throughSeq)) this.fold.apply(e);
      this.foldThrough = run.throughSeq;
    }
    if (!run.throughSeq) return 0;
    const jsm = await this.nc.jetstreamManager();
    const last = await directEventAt(jsm, this.opts.stream, run.throughSeq);
    await this.store.writeSnapshot(run.throughSeq, last?.time ?? new Date().toISOString(), this.fold.entries());
    return run.throughSeq;
  }

  /** The log from `afterSeq` to `toSeq`, decoded in order. */
  private async *readFrom(afterSeq: number, toSeq: number): AsyncIterable<StoredEvent> {
    for await (const m of readUntil(this.nc, { stream: this.opts.stream, afterSeq, untilSeq: toSeq })) yield decodeEvent(m);
  }
}
