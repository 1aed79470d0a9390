import { headers, type NatsConnection } from 'nats';
import {
  checkEvent, DEFAULT_LIMITS, EVENT_TYPE_HEADER, subjectFor, type EventFilter, type StoredEvent, type WakeEvent,
} from '@wake/events';
import type { FoldEntry } from '../state/state-fold';
import type { LogStream } from '../stream/log-stream';
import { sliceEventLine, sliceHeaderLine, sliceSeedLine, type SliceHeader } from './slice-file';

/**
 * Writes a slice file: the header, the state lines (`seed`: the objects just before `from`, when
 * given — `wake export --with-state`), then the events with from ≤ seq ≤ to (matching the filter).
 * Returns how many events.
 */
export async function exportSlice(stream: LogStream, from: number, to: number, filter: EventFilter | undefined,
  accept: (e: StoredEvent) => boolean, write: (line: string) => void | Promise<void>, seed?: readonly FoldEntry[]): Promise<number> {
  const header: SliceHeader = { wakeLogSlice: 1, stream: stream.stream, from, to, exportedAt: new Date().toISOString(), ...(seed ? { state: seed.length } : {}) };
  await write(sliceHeaderLine(header));
  for (const entry of seed ?? []) await write(sliceSeedLine(entry));
  let n = 0;
  for await (const e of stream.range(Math.max(0, from - 1), to, filter)) {
    if (!accept(e)) continue;
    await write(sliceEventLine(e));
    n++;
  }
  return n;
}

/**
 * Appends a slice's events to a stream in their original order, each on its object's subject,
 * keeping id, time, actor and causation (so `why` works on the copy). The id is the
 * Nats-Msg-Id: importing the same file twice within the duplicate window adds nothing.
 * causationSeq is rewritten to the cause's new sequence when the cause is in the slice,
 * dropped otherwise. Returns old seq → new seq.
 */
export async function importSlice(nc: NatsConnection, events: AsyncIterable<StoredEvent>): Promise<Map<number, number>> {
  const js = nc.jetstream();
  const moved = new Map<number, number>();
  for await (const stored of events) {
    const { seq, causationSeq, ...rest } = stored;
    const next = causationSeq !== undefined ? moved.get(causationSeq) : undefined;
    const event: WakeEvent = { ...rest, ...(next !== undefined ? { causationSeq: next } : {}) };
    const body = checkEvent(event, DEFAULT_LIMITS);
    const h = headers();
    h.set(EVENT_TYPE_HEADER, event.type);
    h.set('Wake-Imported-Seq', String(seq));
    const ack = await js.publish(subjectFor(event), body, { msgID: event.id, headers: h });
    moved.set(seq, ack.seq);
  }
  return moved;
}
