import fs from 'node:fs';
import readline from 'node:readline';
import type { Command } from 'commander';
import type { StoredEvent } from '@wake/events';
import { importSlice, parseSliceLine, sliceQueryOf, type SliceHeader } from '@wake/history';
import { out, withHistory } from './context';

async function* sliceEvents(file: string, seen: { header?: SliceHeader; count: number }): AsyncIterable<StoredEvent> {
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    const v = parseSliceLine(line, n);
    if ('wakeLogSlice' in v) { seen.header = v; continue; }
    if (!seen.header) throw new Error(`${file}: not a Wake log slice (no header line)`);
    seen.count++;
    yield v;
  }
}

export function registerSlices(program: Command): void {
  program.command('export')
    .description('write a slice of the log (sequences from..to) as NDJSON, so a bug report can carry its history')
    .requiredOption('--from <seq>', 'first sequence')
    .requiredOption('--to <seq>', 'last sequence (capped at the log\'s end)')
    .option('--kind <kind>', 'only this kind')
    .option('-n, --namespace <ns>', 'only this namespace')
    .option('-l, --selector <selector>', 'only objects with these labels')
    .requiredOption('-o, --output <file>', 'the file to write (- for stdout)')
    .action(async (o) => withHistory(async ({ queries }) => {
      const q = sliceQueryOf({ from: o.from, to: o.to, kind: o.kind, namespace: o.namespace, selector: o.selector });
      const file = o.output === '-' ? undefined : fs.createWriteStream(o.output);
      const write = (line: string) => (file ? new Promise<void>((r) => (file.write(line) ? r() : file.once('drain', r))) : void out(line));
      const run = await queries.exportSlice(q, write);
      if (file) await new Promise<void>((r, j) => file.end((e?: Error | null) => (e ? j(e) : r())));
      process.stderr.write(`exported ${run.events} events (sequences ${run.from}..${run.to}) to ${o.output}\n`);
    }));

  program.command('import <file>')
    .description('append a slice written by `wake export` to the stream (an empty or a different one)')
    .action(async (file: string) => withHistory(async ({ nc, stream }) => {
      const seen: { header?: SliceHeader; count: number } = { count: 0 };
      const before = (await stream.info()).lastSeq;
      const moved = await importSlice(nc, sliceEvents(file, seen));
      const seqs = [...moved.values()];
      const added = (await stream.info()).lastSeq - before;
      out(`imported ${seen.count} events from ${seen.header?.stream ?? '?'} ${seen.header?.from}..${seen.header?.to} into ${stream.stream}` +
        (seqs.length ? ` as sequences ${Math.min(...seqs)}..${Math.max(...seqs)}` : '') + ` (${added} new)\n`);
    }));
}
