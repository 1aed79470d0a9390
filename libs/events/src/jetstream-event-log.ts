import {
  AckPolicy, DeliverPolicy, DiscardPolicy, nanos, NatsError, RetentionPolicy, StorageType,
  type JetStreamClient, type JetStreamManager, type JsMsg, type NatsConnection,
} from 'nats';
import { ConflictError, ExpiredError, WakeError } from './errors';
import { EventHeaders } from './event-headers';
import { parsePubAck, type JsApiError } from './pub-ack';
import { ReplyInbox } from './reply-inbox';
import { isRemoval, sealEvent, type EventDraft, type KubeObject, type StoredEvent, type WakeEvent } from './envelope';
import type { AppendOptions, EventLog, EventWatch, ReadOptions } from './event-log';
import { DEFAULT_STREAM, STREAM_SUBJECTS, type StreamSettings } from './stream-config';
import { filterSubject, keyString, subjectFor, type ObjectKey } from './subject';
import { checkEvent, DEFAULT_LIMITS, type EventLimits } from './validate-event';

const WRONG_LAST_SEQUENCE = 10071;
/** How long append waits for JetStream's acknowledgement (nats.js's JetStream default). */
const PUBLISH_TIMEOUT_MS = 5000;

interface DirectApi {
  getMessage(stream: string, query: { last_by_subj: string }): Promise<{ seq: number; data: Uint8Array }>;
}
const decoder = new TextDecoder();

export function decodeEvent(m: { seq: number; data: Uint8Array }): StoredEvent {
  const event = JSON.parse(decoder.decode(m.data)) as WakeEvent;
  return { ...event, seq: m.seq };
}

/** Creates the stream if it is missing, and brings its limits to the settings. */
export async function ensureStream(jsm: JetStreamManager, s: StreamSettings = DEFAULT_STREAM): Promise<void> {
  const config = {
    name: s.name,
    subjects: STREAM_SUBJECTS,
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    num_replicas: s.replicas,
    max_age: s.maxAgeSeconds > 0 ? nanos(s.maxAgeSeconds * 1000) : 0,
    max_bytes: s.maxBytes,
    max_msgs_per_subject: -1,
    duplicate_window: nanos(s.duplicateWindowSeconds * 1000),
    allow_direct: true,
  };
  try {
    const info = await jsm.streams.info(s.name);
    const c = info.config;
    if (c.max_age !== config.max_age || c.max_bytes !== config.max_bytes || c.num_replicas !== config.num_replicas) {
      await jsm.streams.update(s.name, { ...c, max_age: config.max_age, max_bytes: config.max_bytes, num_replicas: config.num_replicas });
    }
  } catch (e) {
    if ((e as NatsError).api_error?.err_code !== 10059) throw e; // 10059: stream not found
    await jsm.streams.add(config);
  }
}

/**
 * The log on NATS JetStream. One subject per object; optimistic concurrency through
 * `Nats-Expected-Last-Subject-Sequence`; dedupe through `Nats-Msg-Id`.
 */
export class JetStreamEventLog implements EventLog {
  /** Publishes and their acknowledgements: one reply subscription instead of nats.js's per-request machinery. */
  private readonly acks: ReplyInbox;

  private constructor(
    readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    readonly stream: string,
    private readonly limits: EventLimits,
    private readonly ownsConnection: boolean,
  ) {
    this.acks = new ReplyInbox(nc, PUBLISH_TIMEOUT_MS);
  }

  static async open(
    nc: NatsConnection,
    opts: { stream?: StreamSettings; limits?: EventLimits; ownsConnection?: boolean } = {},
  ): Promise<JetStreamEventLog> {
    const settings = opts.stream ?? DEFAULT_STREAM;
    const jsm = await nc.jetstreamManager();
    await ensureStream(jsm, settings);
    return new JetStreamEventLog(nc, nc.jetstream(), jsm, settings.name, opts.limits ?? DEFAULT_LIMITS, opts.ownsConnection ?? false);
  }

  async append<O extends KubeObject>(draft: EventDraft<O>, options: AppendOptions): Promise<StoredEvent<O>> {
    const event = sealEvent(draft);
    const body = checkEvent(event, this.limits);
    const subject = subjectFor(event);
    const { expect } = options;
    let seq: number;
    if (expect === 'absent') {
      // Optimistic create: a name never used before (the common case) needs one round trip,
      // "no event on the subject yet" (expected 0). When the subject has history, look at its
      // latest event: a live object is AlreadyExists; after a removal, expect that removal.
      // A refused publish does not record its Nats-Msg-Id, so the retry keeps the event id.
      try {
        seq = await this.publish(subject, body, event, 0);
      } catch (e) {
        if (!(e instanceof ConflictError)) throw e;
        const last = await this.last(event);
        if (last && !isRemoval(last)) throw new WakeError('AlreadyExists', `${keyString(event)} already exists`);
        seq = await this.publish(subject, body, event, last?.seq ?? 0);
      }
    } else {
      seq = await this.publish(subject, body, event, expect === 'any' ? undefined : expect);
    }
    // The sealed event is ours alone: it becomes the stored event instead of being copied.
    (event as { seq?: number }).seq = seq;
    return event as StoredEvent<O>;
  }

  /**
   * What `js.publish(subject, body, { msgID, headers, expect: { lastSubjectSequence } })` does,
   * through the log's reply inbox: the same message and headers, the same acknowledgement.
   */
  private async publish(subject: string, body: Uint8Array, event: WakeEvent, expected: number | undefined): Promise<number> {
    let ack;
    try {
      ack = parsePubAck((await this.acks.request(subject, body, new EventHeaders(event.type, event.id, expected))).data);
    } catch (e) {
      throw this.translate(e, expected);
    }
    if (ack.error) throw this.translate(jsApiError(ack.error), expected);
    return ack.seq;
  }

  async last(key: ObjectKey): Promise<StoredEvent | undefined> {
    try {
      // Direct get (allow_direct) answers from any replica without a JetStream API round trip.
      const direct = (this.jsm as JetStreamManager & { direct: DirectApi }).direct;
      const m = await direct.getMessage(this.stream, { last_by_subj: subjectFor(key) });
      return decodeEvent(m);
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw this.translate(e);
    }
  }

  async history(key: ObjectKey): Promise<StoredEvent[]> {
    const out: StoredEvent[] = [];
    for await (const e of this.read({ filter: key })) out.push(e);
    return out;
  }

  /**
   * A finite read through an ephemeral pull consumer, ending at the last event that matches
   * the filter as of the call (found with a last-by-subject get). It never trusts the
   * consumer's pending counts to end: nats-server 2.9 undercounts them on filtered consumers
   * of a multi-subject stream, which ended such reads early.
   */
  async *read(options: ReadOptions = {}): AsyncIterable<StoredEvent> {
    const after = options.afterSeq ?? 0;
    await this.checkRetained(after);
    const until = await this.lastMatching(filterSubject(options.filter));
    if (until <= after) return;
    const info = await this.jsm.consumers.add(this.stream, {
      ack_policy: AckPolicy.None,
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: after + 1,
      filter_subject: filterSubject(options.filter),
      inactive_threshold: nanos(60_000),
      mem_storage: true,
    });
    try {
      const consumer = await this.js.consumers.get(this.stream, info.name);
      const messages = await consumer.consume({ max_messages: 2000 });
      try {
        for await (const m of messages) {
          if (m.seq > until) break;
          yield decodeEvent(m);
          if (m.seq >= until) break;
        }
      } finally {
        messages.stop();
      }
    } finally {
      await this.jsm.consumers.delete(this.stream, info.name).catch(() => undefined);
    }
  }

  /** The sequence of the newest event on subjects matching `subject` (wildcards allowed), or 0. */
  private async lastMatching(subject: string): Promise<number> {
    try {
      return (await this.jsm.streams.getMessage(this.stream, { last_by_subj: subject })).seq;
    } catch (e) {
      if (isNotFound(e)) return 0;
      throw this.translate(e);
    }
  }

  async watch(options: ReadOptions = {}): Promise<EventWatch> {
    const after = options.afterSeq ?? 0;
    await this.checkRetained(after);
    const consumer = await this.js.consumers.get(this.stream, {
      filterSubjects: filterSubject(options.filter),
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: after + 1,
    });
    const messages = await consumer.consume();
    async function* iterate(): AsyncGenerator<StoredEvent> {
      for await (const m of messages as AsyncIterable<JsMsg>) yield decodeEvent(m);
    }
    return {
      close: async () => { messages.stop(); },
      [Symbol.asyncIterator]: () => iterate(),
    };
  }

  async lastSeq(): Promise<number> {
    return (await this.jsm.streams.info(this.stream)).state.last_seq;
  }

  async firstSeq(): Promise<number> {
    const { state } = await this.jsm.streams.info(this.stream);
    return state.messages === 0 ? state.last_seq + 1 : state.first_seq;
  }

  async close(): Promise<void> {
    await this.acks.close();
    if (this.ownsConnection) await this.nc.drain();
  }

  private async checkRetained(afterSeq: number): Promise<void> {
    const first = await this.firstSeq();
    if (afterSeq + 1 < first) throw new ExpiredError(afterSeq, first);
  }

  private translate(e: unknown, expected?: number): Error {
    const err = e as NatsError;
    if (err?.api_error?.err_code === WRONG_LAST_SEQUENCE) {
      const actual = Number(/wrong last sequence: (\d+)/.exec(err.api_error.description ?? '')?.[1]);
      return new ConflictError(err.api_error.description ?? 'wrong last sequence', expected, Number.isNaN(actual) ? undefined : actual);
    }
    if (err?.code === 'TIMEOUT' || err?.code === '503' || err?.code === 'CONNECTION_CLOSED' || err?.code === 'CONNECTION_DRAINING') {
      return new WakeError('Unavailable', `event log unavailable: ${err.message}`);
    }
    return err instanceof Error ? err : new Error(String(err));
  }
}

/** A JetStream API error as nats.js reports it: the HTTP-like code as the error's code, the API error attached. */
function jsApiError(error: JsApiError): NatsError {
  const err = new NatsError((error.description || 'unknown JetStream error').toLowerCase(), String(error.code));
  err.api_error = error as NatsError['api_error'];
  return err;
}

function isNotFound(e: unknown): boolean {
  const err = e as NatsError & { code?: string };
  return err?.code === '404' || err?.api_error?.code === 404 || /no message found/i.test(err?.message ?? '');
}
