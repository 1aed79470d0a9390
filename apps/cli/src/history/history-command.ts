import type { Command } from 'commander';
import { stringify } from 'yaml';
import { buildRevisions, historyText, parseObjectRef } from '@wake/history';
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
    .action(async (ref: string, o) => withHistory(async ({ stream }) => {
      const key = parseObjectRef(ref, o.namespace);
      const events = await stream.history(key);
      const list = buildRevisions(events, { hideStatus: !o.status, hideHeartbeats: !o.heartbeats });
      if (o.output === 'json') {
        const byseq = new Map(events.map((e) => [e.seq, e.object]));
        const revisions = o.all ? list.revisions.map((r) => ({ ...r, object: byseq.get(r.seq) })) : list.revisions;
        out(JSON.stringify({ object: key, revisions, hidden: list.hidden }, null, 2) + '\n');
        return;
      }
      if (o.output !== 'text') throw new Error(`unknown output format "${o.output}" (text or json)`);
      let text = historyText(keyString(key), list);
      if (o.all) {
        const byseq = new Map(events.map((e) => [e.seq, e.object]));
        text += list.revisions.map((r) => `--- revision ${r.seq} (${r.type})\n${stringify(byseq.get(r.seq))}`).join('');
      }
      out(text);
    }));
}
