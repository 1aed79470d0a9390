import type { Command } from 'commander';
import { parsePoint, showsAllNamespaces, stateQueryOf, stateText, type StateFormat } from '@wake/history';
import { out, withHistory } from './context';

export function registerState(program: Command): void {
  program.command('state [kind]')
    .description('the cluster (or one kind) as it was at a sequence or an RFC 3339 time, printed as kubectl would')
    .requiredOption('--at <point>', 'a stream sequence (resourceVersion) or an RFC 3339 time')
    .option('-n, --namespace <ns>', 'only this namespace (default: all namespaces)')
    .option('-o, --output <format>', 'table, yaml or json', 'table')
    .option('--stats', 'say which snapshot the answer started from and how many events were replayed (stderr)')
    .action(async (kindArg: string | undefined, o) => withHistory(async ({ queries }) => {
      const format = o.output as StateFormat;
      if (!['table', 'yaml', 'json'].includes(format)) throw new Error(`unknown output format "${o.output}" (table, yaml or json)`);
      const selection = stateQueryOf(kindArg, o.namespace);
      const point = parsePoint(o.at);
      const started = Date.now();
      const s = await queries.stateAt(point, selection);
      if (o.stats) process.stderr.write(`state at sequence ${s.seq} (${s.time}): snapshot ${s.fromSnapshot} + ${s.replayed} events replayed, ${Date.now() - started} ms\n`);
      out(stateText(s.objects, format, { now: new Date(s.time), allNamespaces: showsAllNamespaces(selection), resourceVersion: String(s.seq) }));
    }));
}
