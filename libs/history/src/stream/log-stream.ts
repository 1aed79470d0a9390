import type { JetStreamManager, NatsConnection } from 'nats';
import { directEventAt } from './direct';
import {
  decodeEvent, ExpiredError, filterMatches, keyOfSubject, subjectFor, type EventFilter, type EventLog, type ObjectKey, type StoredEvent,
} from '@wake/events';
import { readUntil } from './read-until';
import { seqAtTime, type PointArg } from '../state/time-search';

/** A resolved point in the log: a sequence and the time it stands for. */
export interface LogPoint {
  readonly seq: number;
  readonly time: string;
}

/**
 * Random access to the stream for history queries: an event by sequence (JetStream direct
 * get), a time turned into a sequence by binary search, and bounded range reads.
 */
export class LogStream {
  private constructor(readonly nc: NatsConnection, readonly log: EventLog, private readonly jsm: JetStreamManager, readonly stream: string) {}

  static async open(nc: NatsConnection, log: EventLog, stream: string): Promise<LogStream> {
    return new LogStream(nc, log, await nc.jetstreamManager(), stream);
  }

  /** The first event at or after `seq` (sequences of removed messages are skipped). */
  async eventAt(seq: number): Promise<StoredEvent | undefined> {
    return directEventAt(this.jsm, this.stream, seq);
  }

  async info(): Promise<{ firstSeq: number; lastSeq: number; messages: number; bytes: number }> {
    const { state } = await this.jsm.streams.info(this.stream);
    return { firstSeq: state.messages ? state.first_seq : state.last_seq + 1, lastSeq: state.last_seq, messages: state.messages, bytes: state.bytes };
  }

  /** A sequence or a time as the last event at or before it, with that point's time. */
  async resolve(point: PointArg): Promise<LogPoint> {
    const { firstSeq, lastSeq } = await this.info();
    if ('seq' in point) {
      const seq = Math.min(point.seq, lastSeq);
      const e = seq >= firstSeq ? await this.eventAt(seq) : undefined;
      return { seq, time: e && e.seq === seq ? e.time : new Date().toISOString() };
    }
    const at = point.time.getTime();
    const seq = await seqAtTime(at, firstSeq, lastSeq, async (s) => Date.parse((await this.eventAt(s))?.time ?? '9999-12-31T00:00:00Z'));
    return { seq, time: point.time.toISOString() };
  }

  /**
   * Events in (afterSeq, toSeq] matching the filter, in order. The stream is read unfiltered up
   * to toSeq and filtered here by subject (before decoding): toSeq is then a known end.
   */
  async *range(afterSeq: number, toSeq: number, filter?: EventFilter): AsyncIterable<StoredEvent> {
    const { firstSeq: first, lastSeq } = await this.info();
    if (afterSeq + 1 < first) throw new ExpiredError(afterSeq, first);
    // The log ends where it ends: a range past its last event would wait for events never written.
    for await (const m of readUntil(this.nc, { stream: this.stream, afterSeq, untilSeq: Math.min(toSeq, lastSeq) })) {
      if (filter && !filterMatches(filter, keyOfSubject(m.subject))) continue;
      yield decodeEvent(m);
    }
  }

  /** Every retained event of one object, oldest first (a filtered read ending at its last event). */
  async history(key: ObjectKey): Promise<StoredEvent[]> {
    const last = await this.log.last(key);
    if (!last) return [];
    const out: StoredEvent[] = [];
    const first = (await this.info()).firstSeq;
    for await (const m of readUntil(this.nc, { stream: this.stream, afterSeq: first - 1, untilSeq: last.seq, filterSubject: subjectFor(key) })) out.push(decodeEvent(m));
    return out;
  }
}
