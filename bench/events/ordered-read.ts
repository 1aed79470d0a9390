import type { JetStreamClient } from 'nats';

const decoder = new TextDecoder();

export interface ReadResult {
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSec: number;
}

/**
 * The floor a projector stands on: an ordered consumer over the whole stream, every message
 * decoded and parsed as JSON, nothing else. `maxMessages` undefined is the client's default
 * pull size (100); the projector pulls maxBatch * 2.
 */
export async function orderedRead(js: JetStreamClient, stream: string, lastSeq: number, maxMessages?: number): Promise<ReadResult> {
  const started = process.hrtime.bigint();
  const consumer = await js.consumers.get(stream, {});
  const messages = await consumer.consume(maxMessages ? { max_messages: maxMessages } : undefined);
  let events = 0;
  let kinds = 0;
  try {
    for await (const m of messages) {
      const e = JSON.parse(decoder.decode(m.data)) as { kind?: string };
      if (e.kind) kinds++;
      events++;
      if (m.seq >= lastSeq) break;
    }
  } finally {
    messages.stop();
  }
  if (kinds !== events) throw new Error('ordered read: an event without a kind');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { events, seconds, eventsPerSec: events / seconds };
}
