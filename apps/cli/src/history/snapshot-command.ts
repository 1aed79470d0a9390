import type { Command } from 'commander';
import { followIndexer } from '@wake/history';
import { out, withHistory } from './context';

export function registerSnapshot(program: Command): void {
  program.command('snapshot')
    .description('bring the history index and snapshots up to the log (history commands also do this on demand)')
    .option('--now', 'also write a snapshot at the log\'s end')
    .option('--follow', 'keep indexing as the log grows (polls every second; Ctrl-C stops)')
    .option('--list', 'list the snapshots')
    .action(async (o) => withHistory(async ({ store, indexer }) => {
      const run = await indexer.catchUp();
      out(`indexed ${run.indexed} events through sequence ${run.throughSeq}; ${run.snapshots} new snapshots\n`);
      if (o.now) out(`snapshot at sequence ${await indexer.snapshotNow()}\n`);
      if (o.list) for (const s of await store.snapshots()) out(`${String(s.seq).padStart(10)}  ${s.time}  ${s.objects} objects\n`);
      if (!o.follow) return;
      const stop = new AbortController();
      process.once('SIGINT', () => stop.abort());
      process.once('SIGTERM', () => stop.abort());
      await followIndexer(indexer, {
        signal: stop.signal,
        onRun: (r) => out(`indexed ${r.indexed} events through sequence ${r.throughSeq}; ${r.snapshots} new snapshots\n`),
        onError: (e) => process.stderr.write(`wake snapshot: ${(e as Error).message} (retrying)\n`),
      });
    }));
}
