import type { TimelineEntry, TimelineQuery } from '@wake/history';
import { statusFor, type Status } from '../http/status';
import type { RequestContext } from '../server/context';

/** One line of a followed timeline, shaped like a Kubernetes watch event. */
export type TimelineWatchEvent = { readonly type: 'EVENT'; readonly object: TimelineEntry } | { readonly type: 'ERROR'; readonly object: Status };

/**
 * `timeline?follow=true`: chunked JSON lines, one `{"type":"EVENT","object":<entry>}` per event —
 * the retained window first, then new events as they are appended — until the client goes
 * away or `timeoutSeconds` pass. A failure after the headers is an ERROR line with its Status.
 */
export async function followTimeline(ctx: RequestContext, q: TimelineQuery, timeoutSeconds: number): Promise<void> {
  const { res } = ctx;
  const stop = new AbortController();
  const abort = () => stop.abort();
  res.on('close', abort);
  const timer = setTimeout(abort, timeoutSeconds * 1000);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();
  const write = (e: TimelineWatchEvent) => { if (!res.writableEnded) res.write(JSON.stringify(e) + '\n'); };
  try {
    for await (const entry of ctx.deps.history.timeline(q, { follow: true, signal: stop.signal })) write({ type: 'EVENT', object: entry });
  } catch (e) {
    if (!stop.signal.aborted) write({ type: 'ERROR', object: statusFor(e) });
  } finally {
    clearTimeout(timer);
    res.off('close', abort);
    if (!res.writableEnded) res.end();
  }
}
