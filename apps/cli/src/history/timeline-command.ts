import type { Command } from 'commander';
import { timelineLine, timelineQueryOf } from '@wake/history';
import { out, withHistory } from './context';

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
    .action(async (o) => withHistory(async ({ queries }) => {
      const q = timelineQueryOf({
        selector: o.selector, namespace: o.namespace, kind: o.kind, owner: o.owner, since: o.since, until: o.until,
        hideStatus: !o.status, hideHeartbeats: !o.heartbeats,
      }, new Date());
      const stop = new AbortController();
      const abort = () => stop.abort();
      process.once('SIGINT', abort);
      process.once('SIGTERM', abort);
      try {
        for await (const t of queries.timeline(q, { follow: Boolean(o.follow), signal: stop.signal })) {
          out(o.output === 'json' ? JSON.stringify(t) + '\n' : timelineLine(t) + '\n');
        }
      } finally {
        process.off('SIGINT', abort);
        process.off('SIGTERM', abort);
      }
    }));
}
