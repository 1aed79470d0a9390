import { readEventFields } from './event-fields';

/** A message of the log as the projector receives it: its sequence and the stored event body. */
export interface LogMessage {
  readonly seq: number;
  /** UTF-8 bytes as the log delivers them (or the same as a string) */
  readonly body: Uint8Array | string;
}

/**
 * A batch of events as projection rows, column by column (the statement unnests the arrays):
 * one row per object, from the object's newest event in the batch. The projection is
 * idempotent and order-insensitive per object (invariant 4), so the older events of an object
 * in the same batch would be overwritten in the same statement anyway: they are not sent.
 */
export interface BatchRows {
  readonly seq: number[];
  readonly kind: string[];
  readonly namespace: string[];
  readonly name: string[];
  readonly uid: string[];
  readonly deleted: boolean[];
  /** metadata.labels as JSON text, or null */
  readonly labels: Array<string | null>;
  /** spec.nodeName of pods, or null */
  readonly nodeName: Array<string | null>;
  /** the objects after the events (UTF-8 JSON, metadata.resourceVersion set), back to back */
  readonly objects: Buffer;
  /** where each row's object starts in `objects`, and its length in bytes */
  readonly objectAt: number[];
  readonly objectBytes: number[];
  /** events the batch held, before keeping each object's newest */
  readonly events: number;
  /** the sequence the checkpoint moves to: the batch's last message's */
  readonly lastSeq: number;
}

/**
 * Builds a batch as its messages arrive: each event is read once (readEventFields: a scan of
 * its bytes, no parse tree) and its object copied into the batch's buffer at once, so the
 * message itself can be let go (short-lived garbage is cheap; messages held until the batch is
 * full were not). Equal input gives equal rows, byte for byte, so a rebuild stores what the
 * live projection stored.
 */
export class BatchBuilder {
  private readonly row = new Map<string, number>();
  private readonly cols = {
    seq: [] as number[], kind: [] as string[], namespace: [] as string[], name: [] as string[], uid: [] as string[],
    deleted: [] as boolean[], labels: [] as Array<string | null>, nodeName: [] as Array<string | null>,
    objectAt: [] as number[], objectBytes: [] as number[],
  };
  private buffer: Buffer;
  private used = 0;
  events = 0;
  lastSeq = 0;

  constructor(expectedBytes = 64 * 1024) {
    this.buffer = Buffer.allocUnsafe(expectedBytes);
  }

  /** Reads one event into the batch. Throws (naming its sequence) when it is not JSON. */
  add(m: LogMessage): void {
    const body = typeof m.body === 'string' ? Buffer.from(m.body) : m.body;
    const e = readEventFields(body, m.seq);
    this.events++;
    this.lastSeq = m.seq;
    // NUL cannot occur in a PostgreSQL text value, so the key is unambiguous for any row we can store.
    const key = `${e.kind}\u0000${e.namespace}\u0000${e.name}`;
    const at = this.row.get(key);
    const c = this.cols;
    if (at !== undefined && c.seq[at] > m.seq) return; // the batch already holds a newer event of this object
    const start = this.used;
    for (const part of e.object) this.append(part);
    const i = at ?? c.seq.length;
    if (at === undefined) this.row.set(key, i);
    c.seq[i] = m.seq;
    c.kind[i] = e.kind;
    c.namespace[i] = e.namespace;
    c.name[i] = e.name;
    c.uid[i] = e.uid;
    c.deleted[i] = e.type.endsWith('.Deleted');
    c.labels[i] = e.labels;
    c.nodeName[i] = e.nodeName;
    c.objectAt[i] = start;
    c.objectBytes[i] = this.used - start;
  }

  build(): BatchRows {
    return { ...this.cols, objects: this.buffer.subarray(0, this.used), events: this.events, lastSeq: this.lastSeq };
  }

  private append(part: Uint8Array): void {
    if (this.used + part.length > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.used + part.length));
      this.buffer.copy(grown, 0, 0, this.used);
      this.buffer = grown;
    }
    this.buffer.set(part, this.used);
    this.used += part.length;
  }
}

/** The rows of a whole batch at once. */
export function toBatchRows(messages: ReadonlyArray<LogMessage>): BatchRows {
  const builder = new BatchBuilder();
  for (const m of messages) builder.add(m);
  return builder.build();
}
