import { ConflictError, ExpiredError, WakeError } from './errors';
import { isRemoval, sealEvent, type EventDraft, type KubeObject, type StoredEvent } from './envelope';
import type { AppendOptions, EventLog, EventWatch, ReadOptions } from './event-log';
import { filterMatches, keyString, subjectFor, type ObjectKey } from './subject';
import { checkEvent, DEFAULT_LIMITS, type EventLimits } from './validate-event';

/**
 * The log in memory, for pure unit tests of the code above the log. It passes the same
 * contract suite as the JetStream log (event-log.contract.ts); it is never used in
 * integration or end-to-end tests.
 */
export class MemoryEventLog implements EventLog {
  private events: StoredEvent[] = [];
  private firstRetained = 1;
  private nextSeq = 1;
  private readonly lastBySubject = new Map<string, StoredEvent>();
  private readonly seenIds = new Map<string, StoredEvent>();
  private readonly watchers = new Set<(e: StoredEvent) => void>();

  constructor(private readonly limits: EventLimits = DEFAULT_LIMITS) {}

  async append<O extends KubeObject>(draft: EventDraft<O>, options: AppendOptions): Promise<StoredEvent<O>> {
    const event = sealEvent(draft);
    checkEvent(event, this.limits);
    const duplicate = this.seenIds.get(event.id);
    if (duplicate) return duplicate as StoredEvent<O>;
    const subject = subjectFor(event);
    const last = this.lastBySubject.get(subject);
    const lastSeq = last?.seq ?? 0;
    const { expect } = options;
    if (expect === 'absent') {
      if (last && !isRemoval(last)) throw new WakeError('AlreadyExists', `${keyString(event)} already exists`);
    } else if (expect !== 'any' && expect !== lastSeq) {
      throw new ConflictError(`wrong last sequence: ${lastSeq}`, expect, lastSeq);
    }
    const stored: StoredEvent<O> = { ...event, seq: this.nextSeq++ };
    this.events.push(stored);
    this.lastBySubject.set(subject, stored);
    this.seenIds.set(stored.id, stored);
    for (const notify of this.watchers) notify(stored);
    return stored;
  }

  async last(key: ObjectKey): Promise<StoredEvent | undefined> {
    return this.lastBySubject.get(subjectFor(key));
  }

  async history(key: ObjectKey): Promise<StoredEvent[]> {
    const out: StoredEvent[] = [];
    for await (const e of this.read({ filter: key })) out.push(e);
    return out;
  }

  async *read(options: ReadOptions = {}): AsyncIterable<StoredEvent> {
    const after = options.afterSeq ?? 0;
    this.checkRetained(after);
    const end = this.nextSeq - 1;
    for (const e of this.events) {
      if (e.seq > end) break;
      if (e.seq > after && filterMatches(options.filter ?? {}, e)) yield e;
    }
  }

  async watch(options: ReadOptions = {}): Promise<EventWatch> {
    const after = options.afterSeq ?? 0;
    this.checkRetained(after);
    const filter = options.filter ?? {};
    const queue: StoredEvent[] = this.events.filter((e) => e.seq > after && filterMatches(filter, e));
    let wake: (() => void) | undefined;
    let closed = false;
    const notify = (e: StoredEvent) => {
      if (filterMatches(filter, e)) queue.push(e);
      wake?.();
    };
    this.watchers.add(notify);
    const close = async () => {
      closed = true;
      this.watchers.delete(notify);
      wake?.();
    };
    async function* iterate(): AsyncGenerator<StoredEvent> {
      while (!closed) {
        const next = queue.shift();
        if (next) yield next;
        else await new Promise<void>((r) => (wake = r));
      }
    }
    return { close, [Symbol.asyncIterator]: () => iterate() };
  }

  async lastSeq(): Promise<number> {
    return this.nextSeq - 1;
  }

  async firstSeq(): Promise<number> {
    return this.events.length ? this.events[0].seq : Math.max(this.nextSeq, this.firstRetained);
  }

  /** Drops events before `seq`, as a retention limit would (for tests of 410 Gone). */
  async trimBefore(seq: number): Promise<void> {
    this.events = this.events.filter((e) => e.seq >= seq);
    this.firstRetained = Math.max(this.firstRetained, seq);
  }

  async close(): Promise<void> {
    for (const w of [...this.watchers]) this.watchers.delete(w);
  }

  private checkRetained(afterSeq: number): void {
    if (afterSeq + 1 < this.firstRetained) throw new ExpiredError(afterSeq, this.firstRetained);
  }
}
