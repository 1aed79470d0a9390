import fs from 'node:fs';
import readline from 'node:readline';
import type { Command } from 'commander';
import { checkEvent, DEFAULT_LIMITS, type StoredEvent, type WakeEvent } from '@wake/events';
import { importSlice, readSliceLines, sliceQueryOf, type SliceHeader } from '@wake/history';
import { out, withHistory } from './context';

const fileLines = (file: string) => readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });

/** Reads the whole file once, checking every line (errors name the line; events as the log would), before anything is appended. */
async function checkSliceFile(file: string): Promise<{ header: SliceHeader; events: number; state: number }> {
  let header: SliceHeader | undefined;
  let events = 0;
  let state = 0;
  try {
    for await (const l of readSliceLines(fileLines(file))) {
      if ('header' in l) header = l.header;
      else if ('seed' in l) state++;
      else {
        const { seq: _seq, causationSeq: _cause, ...event } = l.event;
        try { checkEvent(event as WakeEvent, DEFAULT_LIMITS); } catch (e) { throw new Error(`line ${l.line}: ${(e as Error).message}`); }
        events++;
      }
    }
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}; nothing imported`);
  }
  return { header: header!, events, state };
}

/** The file's events (state lines skipped), read a second time after the check. */
async function* sliceEvents(file: string): AsyncIterable<StoredEvent> {
  for await (const l of readSliceLines(fileLines(file))) if ('event' in l) yield l.event;
}

export function registerSlices(program: Command): void {
  program.command('export')
    .description('write a slice of the log (sequences from..to) as NDJSON, so a bug report can carry its history')
    .requiredOption('--from <seq>', 'first sequence')
    .requiredOption('--to <seq>', 'last sequence (capped at the log\'s end)')
    .option('--kind <kind>', 'only this kind')
    .option('-n, --namespace <ns>', 'only this namespace')
    .option('-l, --selector <selector>', 'only objects with these labels')
    .option('--with-state', 'start the file with the objects as they were just before --from, so `wake replay --file` replays it alone')
    .requiredOption('-o, --output <file>', 'the file to write (- for stdout)')
    .action(async (o) => withHistory(async ({ queries }) => {
      const q = sliceQueryOf({ from: o.from, to: o.to, kind: o.kind, namespace: o.namespace, selector: o.selector });
      const file = o.output === '-' ? undefined : fs.createWriteStream(o.output);
      const write = (line: string) => (file ? new Promise<void>((r) => (file.write(line) ? r() : file.once('drain', r))) : void out(line));
      const run = await queries.exportSlice(q, write, { withState: !!o.withState });
      if (file) await new Promise<void>((r, j) => file.end((e?: Error | null) => (e ? j(e) : r())));
      process.stderr.write(`exported ${run.events} events (sequences ${run.from}..${run.to})` +
        (run.state !== undefined ? ` and ${run.state} objects as they were before ${run.from}` : '') + ` to ${o.output}\n`);
    }));

  program.command('import <file>')
    .description('append the events of a slice written by `wake export` or `wake replay --save` to the stream (an empty or a different one); state lines are checked, not imported')
    .action(async (file: string) => withHistory(async ({ nc, stream }) => {
      const seen = await checkSliceFile(file);
      if (seen.state > 0 || seen.header.state !== undefined) {
        process.stderr.write(`wake import: ${file} carries ${seen.state} state objects (the cluster before sequence ${seen.header.from}); import appends only its ${seen.events} events\n`);
      }
      const before = (await stream.info()).lastSeq;
      const moved = await importSlice(nc, sliceEvents(file));
      const seqs = [...moved.values()];
      const added = (await stream.info()).lastSeq - before;
      out(`imported ${seen.events} events from ${seen.header.stream ?? '?'} ${seen.header.from}..${seen.header.to} into ${stream.stream}` +
        (seqs.length ? ` as sequences ${Math.min(...seqs)}..${Math.max(...seqs)}` : '') + ` (${added} new)\n`);
    }));
}
