import type { Command } from 'commander';
import { parseLabelSelector } from '@wake/api';
import type { EventFilter, StoredEvent } from '@wake/events';
import { parseObjectRef, parseTimeArg, resolveKind, timelineLine, TimelineFilter, type TimelineEntry } from '@wake/history';
import { out, withHistory, type HistoryContext } from './context';

/** Where a timeline starts reading: the owner's first event, or the last event before --since. */
async function startAfter(ctx: HistoryContext, filter: TimelineFilter, o: { since?: Date; ownerFirstSeq?: number }): Promise<number> {
  if (o.ownerFirstSeq !== undefined) return o.ownerFirstSeq - 1;
  if (o.since) return (await ctx.stream.resolve({ time: new Date(o.since.getTime() - 1) })).seq;
  return (await ctx.stream.info()).firstSeq - 1;
}

export function registerTimeline(program: Command): void {
  program.command('timeline')
    .description('a merged, ordered stream of events for a set of objects across a time window')
    .option('-l, --selector <selector>', 'label selector (app=web,tier!=db)')
    .option('-n, --namespace <ns>', 'only this namespace')
    .option('--kind <kind>', 'only this kind')
    .option('--owner <kind/name>', 'this object and everything it owns, transitively (namespace from -n)')
    .option('--since <time>', 'RFC 3339 time or a duration back from now (10m)')
    .option('--until <time>', 'RFC 3339 time or a duration back from now')
    .option('--follow', 'keep printing new events (Ctrl-C stops)')
    .option('--no-status', 'hide status-only changes')
    .option('--no-heartbeats', 'hide heartbeats')
    .option('-o, --output <format>', 'text or json (one JSON object per line)', 'text')
    .action(async (o) => withHistory(async (ctx) => {
      const now = new Date();
      const kind = o.kind ? resolveKind(o.kind)?.kind ?? o.kind : undefined;
      const owner = o.owner ? parseObjectRef(o.owner, o.namespace) : undefined;
      const since = o.since ? parseTimeArg(o.since, now) : undefined;
      const until = o.until ? parseTimeArg(o.until, now) : undefined;
      const filter = new TimelineFilter({
        namespace: o.namespace, kind, owner, since, until,
        selector: o.selector ? parseLabelSelector(o.selector) : undefined,
        hideStatus: !o.status, hideHeartbeats: !o.heartbeats,
      });
      const ownerHistory = owner ? await ctx.stream.history(owner) : undefined;
      const after = await startAfter(ctx, filter, { since, ownerFirstSeq: ownerHistory?.[0]?.seq });
      const to = until ? (await ctx.stream.resolve({ time: until })).seq : (await ctx.stream.info()).lastSeq;
      // A subject filter narrows the read when the query allows it; ownership crosses kinds.
      const subject: EventFilter | undefined = !owner && kind ? { kind, ...(o.namespace !== undefined ? { namespace: o.namespace } : {}) } : undefined;
      const print = (t: TimelineEntry) => out(o.output === 'json' ? JSON.stringify(t) + '\n' : timelineLine(t) + '\n');
      let last = after;
      const take = (e: StoredEvent) => { last = e.seq; const t = filter.step(e); if (t) print(t); };
      for await (const e of ctx.stream.range(after, to, subject)) take(e);
      if (!o.follow || until) return;
      last = Math.max(last, to);
      const watch = await ctx.log.watch({ afterSeq: last, filter: subject });
      const stop = () => { void watch.close(); };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      for await (const e of watch) take(e);
    }));
}
