import fs from 'node:fs';
import readline from 'node:readline';
import type { Command } from 'commander';
import type { StoredEvent } from '@wake/events';
import {
  parsePoint, replayInputFromLines, replayInputFromStream, replaySlice, replayText, sliceEventLine, sliceHeaderLine, sliceSeedLine, StateFold,
  type PointArg, type ReplayInput, type ReplayReport, type SliceHeader,
} from '@wake/history';
import { checkSchedulerConfig, type SchedulerConfig } from '@wake/scheduling';
import { out, withHistory } from './context';

const point = (flag: string) => (v: string): PointArg => {
  try {
    return parsePoint(v);
  } catch {
    throw new Error(`${flag}: expected a sequence number or an RFC 3339 time (2026-01-02T15:04:05Z), got "${v}"`);
  }
};

/** `--scheduler-config`: inline JSON or a file holding a SchedulerConfig. */
export function readSchedulerConfig(arg: string): SchedulerConfig {
  const text = arg.trimStart().startsWith('{') ? arg : fs.readFileSync(arg, 'utf8');
  let v: unknown;
  try { v = JSON.parse(text); } catch { throw new Error(`--scheduler-config: not JSON: ${arg}`); }
  const checked = checkSchedulerConfig(v);
  if (!checked.ok) throw new Error(`--scheduler-config: ${checked.errors.join('; ')}`);
  return checked.config;
}

const after = (e: StoredEvent, p: PointArg) => ('seq' in p ? e.seq >= p.seq : Date.parse(e.time) >= p.time.getTime());
const upTo = (e: StoredEvent, p: PointArg) => ('seq' in p ? e.seq <= p.seq : Date.parse(e.time) <= p.time.getTime());

/** A slice file as replay input; events before `from` are folded into the seed, events after `to` dropped. */
async function fromFile(file: string, from?: PointArg, to?: PointArg): Promise<ReplayInput> {
  const input = await replayInputFromLines(readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity }));
  if (!input.hasSeed && input.fromSeq > 1) {
    process.stderr.write(`wake replay: ${file} starts at sequence ${input.fromSeq} and carries no state (export it with \`wake export --with-state\` or save it with \`wake replay --save\`): replaying from an empty cluster\n`);
  }
  const fold = new StateFold(input.seed);
  const events: StoredEvent[] = [];
  for (const e of input.events) {
    if (from && !after(e, from)) fold.apply(e);
    else if (!to || upTo(e, to)) events.push(e);
  }
  return { seed: fold.entries(), events };
}

/** Writes the replay's input as a slice file that `wake replay --file` replays alone (the format of `wake export --with-state`). */
async function save(file: string, stream: string, input: ReplayInput): Promise<void> {
  const from = input.events[0]?.seq ?? 0;
  const header: SliceHeader = { wakeLogSlice: 1, stream, from, to: input.events[input.events.length - 1]?.seq ?? from, exportedAt: new Date().toISOString(), state: input.seed.length };
  const lines = [sliceHeaderLine(header), ...input.seed.map(sliceSeedLine), ...input.events.map(sliceEventLine)];
  await fs.promises.writeFile(file, lines.join(''));
}

/**
 * `wake replay`: a recorded slice of the log (the live stream, or a file from `wake export`)
 * through today's scheduler and controllers, in memory; prints where today's decisions differ.
 * Writes nothing. Exit code 0: no differences; 1: differences; 2: the replay failed.
 */
export function registerReplay(program: Command): void {
  program.command('replay')
    .description('replay a recorded slice of the log through today\'s scheduler and controllers (in memory, writing nothing to the cluster) and report where their decisions differ; exit 0 same, 1 different, 2 error')
    .option('--from <point>', 'first sequence or RFC 3339 time (default: the first retained event)', point('--from'))
    .option('--to <point>', 'last sequence or RFC 3339 time (default: the last event)', point('--to'))
    .option('--file <slice>', 'replay a slice file written by `wake export` instead of the live log')
    .option('--scheduler-config <json|file>', 'today\'s scheduler configuration, e.g. \'{"scoringStrategy":"MostAllocated"}\' or \'{"weights":{"NodeResourcesBalancedAllocation":10}}\'')
    .option('--save <file>', 'also write the replayed slice, with the state before it, as a file that `wake replay --file` replays alone')
    .option('-o, --output <format>', 'text or json', 'text')
    .action(async (o) => {
      try {
        if (!['text', 'json'].includes(o.output)) throw new Error(`unknown output format "${o.output}" (text or json)`);
        const schedulerConfig = o.schedulerConfig ? readSchedulerConfig(o.schedulerConfig) : {};
        let source = o.file ?? '';
        const input = o.file
          ? await fromFile(o.file, o.from, o.to)
          : await withHistory(({ stream, store }) => { source = stream.stream; return replayInputFromStream(stream, store, o.from, o.to); });
        if (o.save) await save(o.save, source, input);
        const report: ReplayReport = replaySlice(input, { schedulerConfig });
        out(o.output === 'json' ? JSON.stringify(report, null, 2) + '\n' : replayText(report));
        process.exitCode = report.differences.length ? 1 : 0;
      } catch (e) {
        process.stderr.write(`wake replay: ${(e as Error).message}\n`);
        process.exitCode = 2;
      }
    });
}
