import type { EventDraft, KubeObject, StoredEvent } from './envelope';
import type { EventFilter, ObjectKey } from './subject';

/**
 * What a writer expects of the object's subject before its event goes on:
 * - a number: the sequence of the object's latest event (its resourceVersion); 0 = no event yet;
 * - 'absent': the object does not exist (no event, or its latest event removed it);
 * - 'any': no expectation (use only where last-writer-wins is the intended rule).
 * A failed expectation is a ConflictError ('absent' on a live object: AlreadyExists).
 */
export type Expectation = number | 'absent' | 'any';

export interface AppendOptions {
  readonly expect: Expectation;
}

/** A live feed of events; iterate it, and close it when done. */
export interface EventWatch extends AsyncIterable<StoredEvent> {
  close(): Promise<void>;
}

export interface ReadOptions {
  /** Deliver events with sequence strictly greater than this (0 = from the start). */
  readonly afterSeq?: number;
  readonly filter?: EventFilter;
}

/**
 * The log contract. Every implementation passes `event-log.contract.ts`.
 * Sequences are global, monotonic stream sequences.
 */
export interface EventLog {
  append<O extends KubeObject>(draft: EventDraft<O>, options: AppendOptions): Promise<StoredEvent<O>>;
  /** The object's latest event (including a removal), or undefined if it never had one. */
  last(key: ObjectKey): Promise<StoredEvent | undefined>;
  /** Every retained event of one object, oldest first. */
  history(key: ObjectKey): Promise<StoredEvent[]>;
  /**
   * Retained events after `afterSeq` matching the filter, up to the log's end at the time
   * of the call. Throws ExpiredError when events after `afterSeq` are no longer retained.
   */
  read(options?: ReadOptions): AsyncIterable<StoredEvent>;
  /** Like read, but keeps delivering new events until closed. */
  watch(options?: ReadOptions): Promise<EventWatch>;
  /** The sequence of the newest event (0 when empty). */
  lastSeq(): Promise<number>;
  /** The sequence of the oldest retained event (lastSeq + 1 when empty). */
  firstSeq(): Promise<number>;
  close(): Promise<void>;
}
