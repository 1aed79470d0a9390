import { randomUUID } from 'node:crypto';
import { headers, type JetStreamClient } from 'nats';
import {
  checkEvent, EVENT_TYPE_HEADER, EventHeaders, parsePubAck, ReplyInbox, sealEvent, subjectFor, type JetStreamEventLog, type KubeObject,
} from '@wake/events';
import { podObject } from '@wake/testing';
import type { CpuMeter } from '../support/cpu';
import { Latency } from '../support/latency';
import { median, runConcurrent, type RunResult } from '../support/run-concurrent';

/** The annotation filler that makes a Pod's JSON about 1 KB (1,016 bytes). */
const PAYLOAD = 750;

export interface AppendOptions {
  readonly concurrencies: readonly number[];
  /** Operations per trial, by concurrency. */
  readonly ops: (concurrency: number) => number;
  readonly trials: number;
  readonly cpu: CpuMeter;
}

export interface Figure {
  readonly opsPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly trialsOpsPerSec: number[];
  /** Throughput over raw publish's at the same concurrency: the median of the per-round ratios (raw itself: 1). */
  readonly ratio: number;
  /** CPU per operation (median of trials): this Node process, and the nats-server. */
  readonly nodeCpuMicros: number;
  readonly serverCpuMicros?: number;
}

export type Operation = 'rawPublish' | 'rawWithHeaders' | 'inboxWithHeaders' | 'appendUpdate' | 'appendCreate';

export const OPERATIONS: Record<Operation, string> = {
  rawPublish: 'raw js.publish(subject, bytes)',
  rawWithHeaders: '  raw + msgID, type, expected seq',
  inboxWithHeaders: "  the same through append's inbox",
  appendUpdate: 'append, update (expect seq)',
  appendCreate: 'append, create (expect absent)',
};

export interface AppendLevel {
  readonly concurrency: number;
  readonly opsPerTrial: number;
  /**
   * rawPublish: prebuilt bytes, no headers (the baseline). rawWithHeaders: the same bytes with the
   * headers append sends (a fresh Nats-Msg-Id, Wake-Event-Type, Nats-Expected-Last-Subject-Sequence):
   * what JetStream's dedupe and expectation cost, without any of append's own work.
   * inboxWithHeaders: the same message through the request path append uses (one reply
   * subscription, ReplyInbox) instead of js.publish: append's transport without append's work.
   * appendUpdate: what an API update does (the headline). appendCreate: what an API create does.
   */
  readonly figures: Record<Operation, Figure>;
}

export interface AppendResult {
  readonly objectBytes: number;
  readonly eventBytes: number;
  readonly levels: AppendLevel[];
}

/** Round t runs the operations in this order rotated by t: over 5 rounds, each runs once in every position. */
const ROTATION: Operation[] = ['rawPublish', 'appendUpdate', 'rawWithHeaders', 'appendCreate', 'inboxWithHeaders'];
const orderOfRound = (t: number): Operation[] => ROTATION.map((_, i) => ROTATION[(i + t) % ROTATION.length]);

interface Trial {
  readonly run: RunResult;
  readonly nodeMicros: number;
  readonly serverMicros?: number;
}

/**
 * Append vs raw JetStream publish of the same bytes, on the same server and connection,
 * interleaved trial by trial (drift on a shared machine hits every operation alike). Every
 * object has its own subject and every worker owns its objects, so no expectation ever fails.
 */
export async function benchAppend(log: JetStreamEventLog, js: JetStreamClient, opts: AppendOptions): Promise<AppendResult> {
  const sample = podObject('pod-00000', 'bench', 0, PAYLOAD);
  const sampleEvent = checkEvent(sealEvent({ type: 'Pod.Created', object: sample, actor: 'system:bench' }));
  const levels: AppendLevel[] = [];
  for (const c of opts.concurrencies) {
    const ops = opts.ops(c);
    const scenario = new Scenario(log, js, c, ops);
    await scenario.seed();
    // Warm-up: JIT, the stream's first blocks. Not recorded.
    for (const op of orderOfRound(0)) {
      scenario.prepare(op, 'warm');
      await scenario.run(op, Math.min(ops, 500));
    }
    const trials: Record<Operation, Trial[]> = { rawPublish: [], rawWithHeaders: [], inboxWithHeaders: [], appendUpdate: [], appendCreate: [] };
    for (let t = 0; t < opts.trials; t++) {
      for (const op of orderOfRound(t)) {
        scenario.prepare(op, `t${t}`);
        const from = opts.cpu.sample();
        const run = await scenario.run(op, ops);
        const cpu = opts.cpu.perOp(from, ops);
        trials[op].push({ run, nodeMicros: cpu.nodeMicros, serverMicros: cpu.serverMicros });
      }
    }
    const figures = Object.fromEntries(Object.entries(trials).map(([op, ts]) => [op, summarize(ts, trials.rawPublish)])) as Record<Operation, Figure>;
    levels.push({ concurrency: c, opsPerTrial: ops, figures });
    await scenario.close();
  }
  return { objectBytes: Buffer.byteLength(JSON.stringify(sample)), eventBytes: sampleEvent.length, levels };
}

/** The ratio is the median of per-round ratios: each round runs every operation back to back. */
function summarize(trials: Trial[], raw: Trial[]): Figure {
  const latency = new Latency();
  for (const t of trials) latency.add(t.run.latency);
  const opsPerSec = median(trials.map((t) => t.run.opsPerSec));
  const server = trials.map((t) => t.serverMicros).filter((s): s is number => s !== undefined);
  return {
    opsPerSec,
    p50Ms: latency.ms(50),
    p99Ms: latency.ms(99),
    trialsOpsPerSec: trials.map((t) => Math.round(t.run.opsPerSec)),
    ratio: median(trials.map((t, i) => t.run.opsPerSec / raw[i].run.opsPerSec)),
    nodeCpuMicros: median(trials.map((t) => t.nodeMicros)),
    serverCpuMicros: server.length ? median(server) : undefined,
  };
}

interface Owned { readonly object: KubeObject; seq: number }
interface Prebuilt { readonly subject: string; readonly body: Uint8Array; seq: number }

/** One concurrency level: the objects each worker owns, and how each operation runs. */
class Scenario {
  /** Per worker: the objects it created last, with their latest sequence (updates cycle through them). */
  private owned: Owned[][];
  /** Per worker: subjects and sealed event bodies for the raw publishes (one per object). */
  private readonly raw: Prebuilt[][];
  private readonly rawHeaders: Prebuilt[][];
  private readonly inboxHeaders: Prebuilt[][];
  /** Per worker: the fresh objects the next appendCreate run creates (built before its CPU is measured). */
  private drafts: KubeObject[][] = [];
  private readonly inbox: ReplyInbox;
  private readonly perWorker: number;

  constructor(private readonly log: JetStreamEventLog, private readonly js: JetStreamClient, private readonly concurrency: number, ops: number) {
    this.inbox = new ReplyInbox(log.nc, 5000);
    this.perWorker = Math.ceil(ops / concurrency);
    this.owned = Array.from({ length: concurrency }, () => []);
    const prebuild = (prefix: string) => Array.from({ length: concurrency }, (_, w) => Array.from({ length: this.perWorker }, (_, k) => {
      const object = podObject(`${prefix}-c${concurrency}-w${w}-${k}`, 'bench', k, PAYLOAD);
      const event = sealEvent({ type: 'Pod.Updated', object, actor: 'system:bench' });
      return { subject: subjectFor(event), body: checkEvent(event), seq: 0 };
    }));
    this.raw = prebuild('raw');
    this.rawHeaders = prebuild('hdr');
    this.inboxHeaders = prebuild('inb');
  }

  /** Objects for the updates to work on, and a first event on every subject published with an expected sequence. */
  async seed(): Promise<void> {
    this.prepare('appendCreate', 'seed');
    await this.run('appendCreate', Math.min(this.perWorker, 64) * this.concurrency);
    await Promise.all([...this.rawHeaders.flat(), ...this.inboxHeaders.flat()].map(async (m) => { m.seq = (await this.js.publish(m.subject, m.body)).seq; }));
  }

  async close(): Promise<void> {
    await this.inbox.close();
  }

  /** What a run needs made before it starts, outside its timing and CPU: a create's fresh objects. */
  prepare(op: Operation, trial: string): void {
    if (op !== 'appendCreate') return;
    this.drafts = Array.from({ length: this.concurrency }, (_, w) => Array.from({ length: this.perWorker }, (_, k) =>
      podObject(`app-c${this.concurrency}-${trial}-w${w}-${k}`, 'bench', k, PAYLOAD)));
  }

  async run(op: Operation, ops: number): Promise<RunResult> {
    switch (op) {
      case 'rawPublish':
        return runConcurrent(ops, this.concurrency, async (w, k) => {
          const mine = this.raw[w];
          const m = mine[k % mine.length];
          await this.js.publish(m.subject, m.body);
        });
      case 'rawWithHeaders':
        return runConcurrent(ops, this.concurrency, async (w, k) => {
          const mine = this.rawHeaders[w];
          const m = mine[k % mine.length];
          const h = headers();
          h.set(EVENT_TYPE_HEADER, 'Pod.Updated');
          h.set('Nats-Expected-Last-Subject-Sequence', String(m.seq));
          m.seq = (await this.js.publish(m.subject, m.body, { msgID: randomUUID(), headers: h })).seq;
        });
      case 'inboxWithHeaders':
        return runConcurrent(ops, this.concurrency, async (w, k) => {
          const mine = this.inboxHeaders[w];
          const m = mine[k % mine.length];
          const ack = parsePubAck((await this.inbox.request(m.subject, m.body, new EventHeaders('Pod.Updated', randomUUID(), m.seq))).data);
          if (ack.error) throw new Error(ack.error.description);
          m.seq = ack.seq;
        });
      case 'appendCreate': {
        // Fresh objects each trial (a create needs an absent object); they become the update set.
        const created: Owned[][] = Array.from({ length: this.concurrency }, () => []);
        const drafts = this.drafts;
        const result = await runConcurrent(ops, this.concurrency, async (w, k) => {
          const object = drafts[w][k];
          const e = await this.log.append({ type: 'Pod.Created', object, actor: 'system:bench' }, { expect: 'absent' });
          created[w].push({ object, seq: e.seq });
        });
        this.owned = created.map((c, w) => (c.length ? c : this.owned[w]));
        return result;
      }
      case 'appendUpdate':
        return runConcurrent(ops, this.concurrency, async (w, k) => {
          const mine = this.owned[w];
          const o = mine[k % mine.length];
          const e = await this.log.append({ type: 'Pod.Updated', object: o.object, actor: 'system:bench' }, { expect: o.seq });
          o.seq = e.seq;
        });
    }
  }
}
