import { MsgHdrsImpl } from 'nats';

/** Event headers: the intent and identity travel outside the body too, for tools. */
export const EVENT_TYPE_HEADER = 'Wake-Event-Type';
/** JetStream's dedupe: an id seen within the stream's duplicate window is stored once. */
export const MSG_ID_HEADER = 'Nats-Msg-Id';
/** JetStream's optimistic concurrency: the sequence of the subject's last message (0: none). */
export const EXPECTED_LAST_SUBJECT_SEQUENCE_HEADER = 'Nats-Expected-Last-Subject-Sequence';

/**
 * The headers append publishes an event with: its type, the expected last sequence of its
 * subject (when there is an expectation) and its id as Nats-Msg-Id, in that order, the
 * same as `headers()` + `set` + `js.publish({ msgID })` gave. Two shortcuts, because append
 * builds one per call: the values come from a checked event (a `Kind.Intent` type, an id
 * without whitespace or control characters, a number), so they go into the map without
 * nats.js's per-`set` key search and validation; and encoding uses Buffer, several times
 * cheaper than nats.js's TextEncoder for strings this short.
 */
export class EventHeaders extends MsgHdrsImpl {
  constructor(type: string, id: string, expected: number | undefined) {
    super();
    this.headers.set(EVENT_TYPE_HEADER, [type]);
    if (expected !== undefined) this.headers.set(EXPECTED_LAST_SUBJECT_SEQUENCE_HEADER, [String(expected)]);
    this.headers.set(MSG_ID_HEADER, [id]);
  }

  override encode(): Uint8Array {
    return Buffer.from(this.toString(), 'utf8');
  }
}
