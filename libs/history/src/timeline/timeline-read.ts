import type { LogStream } from '../stream/log-stream';
import { TimelineFilter, type TimelineEntry, type TimelineQuery } from './timeline-filter';
import { timelineSubject } from './timeline-args';

export interface TimelineReadOptions {
  /** After the retained window, keep delivering new events as they are appended (ignored with `until`). */
  readonly follow?: boolean;
  /** Ends the read (a follow ends only this way). */
  readonly signal?: AbortSignal;
}

/** Where a timeline starts reading: the owner's first event, the last event before `since`, or the log's start. */
async function startAfter(stream: LogStream, q: TimelineQuery): Promise<number> {
  const ownerFirst = q.owner ? (await stream.history(q.owner))[0]?.seq : undefined;
  if (ownerFirst !== undefined) return ownerFirst - 1;
  if (q.since) return (await stream.resolve({ time: new Date(q.since.getTime() - 1) })).seq;
  return (await stream.info()).firstSeq - 1;
}

/**
 * `wake timeline` and the gateway's timeline: the events of the query's objects in log order,
 * over the retained window (bounded by `until`, else by the log's end at the call), then, when
 * following, every new matching event until the signal aborts.
 */
export async function* readTimeline(stream: LogStream, q: TimelineQuery, o: TimelineReadOptions = {}): AsyncGenerator<TimelineEntry> {
  const filter = new TimelineFilter(q);
  const subject = timelineSubject(q);
  const after = await startAfter(stream, q);
  const to = q.until ? (await stream.resolve({ time: q.until })).seq : (await stream.info()).lastSeq;
  for await (const e of stream.range(after, to, subject)) {
    if (o.signal?.aborted) return;
    const t = filter.step(e);
    if (t) yield t;
  }
  if (!o.follow || q.until || o.signal?.aborted) return;
  const watch = await stream.log.watch({ afterSeq: Math.max(after, to), filter: subject });
  const stop = () => void watch.close();
  o.signal?.addEventListener('abort', stop, { once: true });
  if (o.signal?.aborted) stop();
  try {
    for await (const e of watch) {
      const t = filter.step(e);
      if (t) yield t;
    }
  } finally {
    o.signal?.removeEventListener('abort', stop);
    await watch.close();
  }
}
