import { AckPolicy, DeliverPolicy, nanos, type ConsumerMessages, type JsMsg, type NatsConnection } from 'nats';
import type { ProjectionStore } from './projection-store';
import { progressSubject } from './progress';

export interface ProjectorOptions {
  readonly stream: string;
  /** The projection's name: its checkpoint row and durable consumer are named after it. */
  readonly name?: string;
  /** Largest batch applied in one statement. */
  readonly maxBatch?: number;
  readonly log?: (msg: string) => void;
}

const decoder = new TextDecoder();

/**
 * Applies the log to PostgreSQL through a durable pull consumer. The checkpoint row in
 * PostgreSQL is the truth; the consumer is (re)positioned just after it on start, so a crash
 * between commit and ack re-applies nothing (rows only move forward) and loses nothing.
 * One batch is in flight at a time; the next one accumulates meanwhile.
 */
export class Projector {
  readonly name: string;
  private readonly maxBatch: number;
  private messages?: ConsumerMessages;
  private buffer: JsMsg[] = [];
  private inflight: Promise<void> = Promise.resolve();
  private scheduled = false;
  private running?: Promise<void>;
  private failure?: unknown;
  private stopping = false;
  private reachedWaiters: Array<{ seq: number; resolve: () => void }> = [];
  applied = 0;
  /** The last sequence this projector committed. */
  lastSeq = 0;

  constructor(private readonly nc: NatsConnection, private readonly store: ProjectionStore, private readonly opts: ProjectorOptions) {
    this.name = opts.name ?? 'main';
    this.maxBatch = opts.maxBatch ?? 5000;
  }

  get durableName(): string {
    return `wake-projector-${this.name}`;
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
    for await (const m of messages) {
      this.buffer.push(m);
      if (this.buffer.length >= this.maxBatch) await this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => { this.scheduled = false; void this.flush(); });
      }
    }
    await this.flush();
  }

  /** Applies what is buffered, after the batch in flight (one statement at a time). */
  flush(): Promise<void> {
    this.inflight = this.inflight.then(async () => {
      if (!this.buffer.length || this.failure) return;
      const batch = this.buffer;
      this.buffer = [];
      const rows = batch.map((m) => ({ seq: m.seq, body: decoder.decode(m.data) }));
      // Nothing after this batch may be applied before it, so a failure (PostgreSQL restarting,
      // a dropped connection) is retried with back-off until it goes through or we are stopped.
      for (let attempt = 0; ; attempt++) {
        try {
          await this.store.applyBatch(this.name, rows);
          break;
        } catch (e) {
          if (this.stopping) { this.failure = e; return; }
          const wait = Math.min(5000, 100 * 2 ** attempt);
          this.opts.log?.(`projector ${this.name}: batch ending at ${rows[rows.length - 1].seq} failed (${(e as Error).message}); retrying in ${wait} ms`);
          await new Promise((r) => setTimeout(r, wait));
        }
      }
      const last = batch[batch.length - 1];
      last.ack();
      this.applied += batch.length;
      this.lastSeq = last.seq;
      this.nc.publish(progressSubject(this.name), String(last.seq));
      this.reachedWaiters = this.reachedWaiters.filter((w) => (w.seq <= last.seq ? (w.resolve(), false) : true));
    });
    return this.inflight;
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
