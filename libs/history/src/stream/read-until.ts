import { AckPolicy, DeliverPolicy, nanos, type JsMsg, type NatsConnection } from 'nats';

export interface ReadUntilOptions {
  readonly stream: string;
  readonly afterSeq: number;
  /** The last sequence to deliver: it must hold a message matching the subject filter. */
  readonly untilSeq: number;
  readonly filterSubject?: string;
  /** Give up when the stream delivers nothing for this long (a gap at untilSeq, a dead server). */
  readonly stallMs?: number;
}

/**
 * Raw messages in (afterSeq, untilSeq] through an ephemeral pull consumer, ending at untilSeq.
 * It does not trust the consumer's pending counts to end: nats-server 2.9 undercounts
 * num_pending on filtered consumers of a multi-subject stream, which ends such reads early.
 */
export async function* readUntil(nc: NatsConnection, o: ReadUntilOptions): AsyncGenerator<JsMsg> {
  if (o.untilSeq <= o.afterSeq) return;
  const jsm = await nc.jetstreamManager();
  const info = await jsm.consumers.add(o.stream, {
    ack_policy: AckPolicy.None, deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: o.afterSeq + 1,
    ...(o.filterSubject ? { filter_subject: o.filterSubject } : {}),
    inactive_threshold: nanos(60_000), mem_storage: true,
  });
  try {
    const consumer = await nc.jetstream().consumers.get(o.stream, info.name);
    const messages = await consumer.consume({ max_messages: 5000 });
    const it = messages[Symbol.asyncIterator]();
    const stallMs = o.stallMs ?? 10_000;
    try {
      for (;;) {
        let timer: NodeJS.Timeout | undefined;
        const stalled = new Promise<'stalled'>((resolve) => { timer = setTimeout(() => resolve('stalled'), stallMs); });
        const next = await Promise.race([it.next(), stalled]).finally(() => clearTimeout(timer));
        if (next === 'stalled') throw new Error(`the stream delivered nothing for ${stallMs} ms before sequence ${o.untilSeq}`);
        if (next.done) return;
        const m = next.value;
        if (m.seq > o.untilSeq) return;
        yield m;
        if (m.seq >= o.untilSeq) return;
      }
    } finally {
      messages.stop();
    }
  } finally {
    await jsm.consumers.delete(o.stream, info.name).catch(() => undefined);
  }
}
