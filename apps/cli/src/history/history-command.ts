import type { Command } from 'commander';
import { stringify } from 'yaml';
import { historyText, parseObjectRef } from '@wake/history';
import { keyString } from '@wake/events';
import { out, withHistory } from './context';

export function registerHistory(program: Command): void {
  program.command('history <ref>')
    .description('every retained revision of one object (<kind>/<name>), deleted ones too: sequence, time, intent, actor and a diff')
    .option('-n, --namespace <ns>', 'namespace of a namespaced object', 'default')
    .option('-o, --output <format>', 'text or json', 'text')
    .option('--all', 'print each revision\'s whole object (YAML) under its diff')
    .option('--no-status', 'hide revisions that only changed status')
    .option('--no-heartbeats', 'hide heartbeats (Lease renewals, Node heartbeat reports)')
    .action(async (ref: string, o) => withHistory(async ({ queries }) => {
      if (o.output !== 'text' && o.output !== 'json') throw new Error(`unknown output format "${o.output}" (text or json)`);
      const key = parseObjectRef(ref, o.namespace);
      const doc = await queries.objectHistory(key, { hideStatus: !o.status, hideHeartbeats: !o.heartbeats, withObjects: Boolean(o.all) });
      if (o.output === 'json') return void out(JSON.stringify(doc, null, 2) + '\n');
      let text = historyText(keyString(key), doc);
      if (o.all) text += doc.revisions.map((r) => `--- revision ${r.seq} (${r.type})\n${stringify(r.object)}`).join('');
      out(text);
    }));
}
