import { AckPolicy, DeliverPolicy, nanos, type ConsumerMessages, type JsMsg, type NatsConnection } from 'nats';
import { BatchBuilder, type BatchRows } from './batch-rows';
import type { ProjectionStore } from './projection-store';
import { progressSubject } from './progress';

export interface ProjectorOptions {
  readonly stream: string;
  /** The projection's name: its checkpoint row and durable consumer are named after it. */
  readonly name?: string;
  /** Largest batch applied in one statement. */
  readonly maxBatch?: number;
  /** Apply nothing after this sequence, and stop consuming once it is reached (a bounded replay). */
  readonly until?: number;
  readonly log?: (msg: string) => void;
}

/**
 * Events per batch statement by default. Measured (bench/events.bench.ts, section 2): 1,000
 * to 2,000 cost PostgreSQL the least CPU per event; at 5,000 a batch's objects (5 MB) no longer
 * fit in work_mem and the statement's function scan spills to a temporary file.
 */
export const DEFAULT_MAX_BATCH = 2000;

/** The durable consumer a projector named `name` reads the log through. */
export const projectorDurableName = (name: string) => `wake-projector-${name}`;

/**
 * Applies the log to PostgreSQL through a durable pull consumer. The checkpoint row in
 * PostgreSQL is the truth; the consumer is (re)positioned just after it on start, so a crash
 * between commit and ack re-applies nothing (rows only move forward) and loses nothing.
 * One batch is in PostgreSQL at a time; meanwhile the next one is read from NATS and turned
 * into rows (BatchBuilder, message by message), so Node's work overlaps PostgreSQL's instead
 * of adding to it.
 */
export class Projector {
  readonly name: string;
  private readonly maxBatch: number;
  private messages?: ConsumerMessages;
  /** The batch being read: its rows so far, and its last message (acknowledged once the batch is committed). */
  private batch = new BatchBuilder();
  private batchLast?: JsMsg;
  private inflight: Promise<void> = Promise.resolve();
  private scheduled = false;
  /** Batches handed over and not yet committed (at most two: one in PostgreSQL, one waiting). */
  private queued = 0;
  private running?: Promise<void>;
  private failure?: unknown;
  private stopping = false;
  private reachedWaiters: Array<{ seq: number; resolve: () => void }> = [];
  applied = 0;
  /** The last sequence this projector committed. */
  lastSeq = 0;

  constructor(private readonly nc: NatsConnection, private readonly store: ProjectionStore, private readonly opts: ProjectorOptions) {
    this.name = opts.name ?? 'main';
    this.maxBatch = opts.maxBatch ?? DEFAULT_MAX_BATCH;
  }

  get durableName(): string {
    return projectorDurableName(this.name);
  }

  async start(): Promise<void> {
    const checkpoint = await this.store.checkpoint(this.name);
    this.lastSeq = checkpoint;
    await this.positionConsumer(checkpoint);
    const consumer = await this.nc.jetstream().consumers.get(this.opts.stream, this.durableName);
    this.messages = await consumer.consume({ max_messages: this.maxBatch * 2 });
    this.running = this.loop(this.messages);
  }

  private async positionConsumer(checkpoint: number): Promise<void> {
    const jsm = await this.nc.jetstreamManager();
    const info = await jsm.consumers.info(this.opts.stream, this.durableName).catch(() => undefined);
    if (info && info.ack_floor.stream_seq === checkpoint && info.num_ack_pending === 0) return;
    if (info) await jsm.consumers.delete(this.opts.stream, this.durableName);
    await jsm.consumers.add(this.opts.stream, {
      durable_name: this.durableName,
      ack_policy: AckPolicy.All,
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: checkpoint + 1,
      ack_wait: nanos(10_000),
      max_ack_pending: 100_000,
    });
    this.opts.log?.(`projector ${this.name}: consuming from sequence ${checkpoint + 1}`);
  }

  private async loop(messages: ConsumerMessages): Promise<void> {
    const until = this.opts.until ?? Infinity;
    for await (const m of messages) {
      if (m.seq > until) break;
      try {
        this.batch.add({ seq: m.seq, body: m.data });
      } catch (e) {
        // An event that is not JSON: what came before it is applied, nothing after it, and
        // retrying cannot help.
        this.handOver();
        this.inflight = this.inflight.then(() => {
          this.failure ??= e;
          this.opts.log?.(`projector ${this.name}: ${(e as Error).message}; stopping`);
        });
        break;
      }
      this.batchLast = m;
      if (this.batch.events >= this.maxBatch || m.seq === until) {
        // Hand this batch over, then wait for the previous one only: the next batch is read
        // (and its rows made) while this one is in PostgreSQL.
        const previous = this.inflight;
        this.handOver();
        await previous;
      } else if (!this.scheduled) {
        // A partial batch goes when the log pauses, unless a batch is in PostgreSQL: then
        // what arrives meanwhile joins this one, which goes when that batch is done.
        this.scheduled = true;
        setImmediate(() => { this.scheduled = false; if (!this.queued) this.handOver(); });
      }
      if (m.seq === until) break;
    }
    await this.flush();
  }

  /** Applies what is buffered, after the batches handed over before it. */
  flush(): Promise<void> {
    this.handOver();
    return this.inflight;
  }

  /** Queues the batch read so far, to be applied after the one in flight (one statement at a time). */
  private handOver(): void {
    const last = this.batchLast;
    if (!last || this.failure) return;
    const rows = this.batch.build();
    this.batch = new BatchBuilder(rows.objects.length + 1024);
    this.batchLast = undefined;
    this.queued++;
    this.inflight = this.inflight.then(async () => {
      try {
        await this.apply(last, rows);
      } finally {
        this.queued--;
      }
      if (!this.queued && !this.scheduled) this.handOver();
    });
  }

  private async apply(last: JsMsg, rows: BatchRows): Promise<void> {
    if (this.failure) return;
    // Nothing after this batch may be applied before it, so a failure (PostgreSQL restarting,
    // a dropped connection) is retried with back-off until it goes through or we are stopped.
    for (let attempt = 0; ; attempt++) {
      try {
        await this.store.applyRows(this.name, rows);
        break;
      } catch (e) {
        if (this.stopping) { this.failure = e; return; }
        const wait = Math.min(5000, 100 * 2 ** attempt);
        this.opts.log?.(`projector ${this.name}: batch ending at ${rows.lastSeq} failed (${(e as Error).message}); retrying in ${wait} ms`);
        await new Promise((r) => setTimeout(r, wait));
      }
    }
    last.ack();
    this.applied += rows.events;
    this.lastSeq = last.seq;
    this.nc.publish(progressSubject(this.name), String(last.seq));
    this.reachedWaiters = this.reachedWaiters.filter((w) => (w.seq <= last.seq ? (w.resolve(), false) : true));
  }

  /** Resolves once everything up to `seq` is committed (or rejects if the projector fails first). */
  async reached(seq: number): Promise<void> {
    if (this.lastSeq >= seq) return;
    await Promise.race([
      new Promise<void>((resolve) => this.reachedWaiters.push({ seq, resolve })),
      this.done().then(() => { throw new Error(`projector ${this.name} stopped at ${this.lastSeq} before reaching ${seq}`); }),
    ]);
  }

  /** Resolves when the loop ends (stop() or a failure); rejects with the failure. */
  async done(): Promise<void> {
    await this.running;
    await this.inflight;
    if (this.failure) throw this.failure;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.messages?.stop();
    await this.running;
    await this.inflight;
  }
}
