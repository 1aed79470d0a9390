import type { StoredEvent } from '@wake/events';
import { StateFold, type FoldEntry } from '../state/state-fold';
import type { PointArg } from '../state/time-search';
import type { HistoryStore } from '../store/history-store';
import type { LogStream } from '../stream/log-stream';
import { readSliceLines, type SliceHeader } from '../slice/slice-file';
import type { ReplayInput } from './replay-engine';

/**
 * A slice of the live log for replay, read only: the events from `from` to `to` (default: the
 * whole retained log) and the state just before `from` — the history store's nearest snapshot
 * (read, never written) plus the tail folded from the stream. A time `from` starts at the first
 * event at or after it; a time `to` ends at the last event at or before it.
 */
export async function replayInputFromStream(stream: LogStream, store: HistoryStore | undefined, from?: PointArg, to?: PointArg): Promise<ReplayInput & { readonly fromSeq: number; readonly toSeq: number }> {
  const info = await stream.info();
  const fromSeq = Math.max(info.firstSeq, from === undefined ? info.firstSeq : await firstAtOrAfter(stream, from));
  const toSeq = to === undefined ? info.lastSeq : (await stream.resolve(to)).seq;
  if (fromSeq > info.lastSeq) throw new Error(`nothing to replay: --from ${fromSeq} is after the log's last event (${info.lastSeq})`);
  if (fromSeq > toSeq) throw new Error(`nothing to replay: --from ${fromSeq} is after --to ${toSeq}`);
  const seed = await stateAfter(stream, store, fromSeq - 1);
  const events: StoredEvent[] = [];
  for await (const e of stream.range(fromSeq - 1, toSeq)) events.push(e);
  return { seed, events, fromSeq, toSeq };
}

/** The first event at or after a point: after the last event strictly before it (event times grow with sequences). */
async function firstAtOrAfter(stream: LogStream, point: PointArg): Promise<number> {
  if ('seq' in point) return point.seq;
  return (await stream.resolve({ time: new Date(point.time.getTime() - 1) })).seq + 1;
}

/**
 * The objects live after sequence `seq` (a slice's seed): the history store's nearest snapshot
 * when it answers (read only) and the stream's tail on top of it.
 */
export async function stateAfter(stream: LogStream, store: HistoryStore | undefined, seq: number): Promise<FoldEntry[]> {
  if (seq <= 0) return [];
  const snap = store ? await store.latestSnapshot(seq).catch(() => undefined) : undefined;
  const fold = new StateFold(snap && store ? await store.snapshotEntries(snap.seq) : [], snap?.seq ?? 0);
  for await (const e of stream.range(snap?.seq ?? 0, seq)) fold.apply(e);
  return fold.entries();
}

/**
 * A slice file written by `wake export` or `wake replay --save` as replay input (format and checks:
 * slice/slice-file.ts): the header, optional state lines (the state before the slice;
 * `wake export --with-state`), then one event per line. Without state
 * lines a slice that does not start at the log's first event replays from an empty cluster.
 */
export async function replayInputFromLines(lines: AsyncIterable<string>): Promise<ReplayInput & { readonly fromSeq: number; readonly toSeq: number; readonly hasSeed: boolean }> {
  const seed: FoldEntry[] = [];
  const events: StoredEvent[] = [];
  let header: SliceHeader | undefined;
  for await (const l of readSliceLines(lines)) {
    if ('header' in l) header = l.header;
    else if ('seed' in l) seed.push(l.seed);
    else events.push(l.event);
  }
  if (!header) throw new Error('not a Wake log slice (no header line)');
  events.sort((a, b) => a.seq - b.seq);
  return { seed, events, fromSeq: events[0]?.seq ?? header.from, toSeq: events[events.length - 1]?.seq ?? header.to, hasSeed: header.state !== undefined || seed.length > 0 };
}
