import { ExpiredError, type ObjectKey } from '@wake/events';
import { explain } from '../causality/why';
import type { HistoryIndexer } from '../indexer/history-indexer';
import { stateAfter } from '../replay/replay-source';
import { exportSlice } from '../slice/log-slice';
import type { SliceQuery } from '../slice/slice-args';
import { stateAt, type StateAt } from '../state/state-at';
import type { StateQuery } from '../state/state-fold';
import type { PointArg } from '../state/time-search';
import type { HistoryStore } from '../store/history-store';
import type { LogStream } from '../stream/log-stream';
import type { TimelineEntry, TimelineQuery } from '../timeline/timeline-filter';
import { readTimeline, type TimelineReadOptions } from '../timeline/timeline-read';
import { causalChainOf, objectHistoryOf, type CausalChain, type ObjectHistory, type ObjectHistoryOptions } from './history-documents';

/** What an export wrote: the sequences it covered (`to` capped at the log's end) and how many events. */
export interface ExportRun {
  readonly from: number;
  readonly to: number;
  readonly events: number;
  /** State lines written (`withState`): the objects of the slice's kind/namespace/labels just before `from`. */
  readonly state?: number;
}

/**
 * The history questions, answered one way for every door: the `wake` commands and the
 * gateway's history.wake.dev endpoints both call these. Answers that need the history index
 * (state at a point, causes) catch the indexer up to the log's end first.
 */
export class HistoryQueries {
  constructor(readonly stream: LogStream, readonly store: HistoryStore, readonly indexer: HistoryIndexer) {}

  /** Every retained revision of one object, deleted ones too (no revisions: nothing retained). */
  async objectHistory(key: ObjectKey, o: ObjectHistoryOptions = {}): Promise<ObjectHistory> {
    return objectHistoryOf(key, await this.stream.history(key), o);
  }

  /** The live objects at a sequence or time: the nearest snapshot plus the tail. */
  async stateAt(point: PointArg, q: StateQuery = {}): Promise<StateAt> {
    await this.indexer.catchUp();
    return stateAt(this.stream, this.store, point, { kind: q.kind, namespace: q.namespace });
  }

  /** The causal chain of the object's current state (no steps: nothing retained). */
  async why(key: ObjectKey): Promise<CausalChain> {
    await this.indexer.catchUp();
    return causalChainOf(key, await explain(this.stream, this.store, key));
  }

  timeline(q: TimelineQuery, o: TimelineReadOptions = {}): AsyncGenerator<TimelineEntry> {
    return readTimeline(this.stream, q, o);
  }

  /**
   * Writes the slice in `wake export`'s file format (a header line, then one event per line);
   * `withState`: with the objects as they were just before `from` as state lines after the header.
   * A `from` before the first retained event is Expired (410 at the gateway).
   */
  async exportSlice(q: SliceQuery, write: (line: string) => void | Promise<void>, o: { withState?: boolean } = {}): Promise<ExportRun> {
    const { firstSeq, lastSeq } = await this.stream.info();
    // Refused before the file's first line: a slice that starts before retention would miss its start.
    if (q.from < firstSeq) throw new ExpiredError(q.from - 1, firstSeq);
    const to = Math.min(q.to, lastSeq);
    const seed = o.withState ? (await stateAfter(this.stream, this.store, q.from - 1)).filter((e) => q.accept(e)) : undefined;
    const events = await exportSlice(this.stream, q.from, to, q.filter, (e) => q.accept(e), write, seed);
    return { from: q.from, to, events, ...(seed ? { state: seed.length } : {}) };
  }
}
