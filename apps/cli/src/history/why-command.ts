import type { Command } from 'commander';
import { keyString } from '@wake/events';
import { chainText, explain, parseObjectRef } from '@wake/history';
import { out, withHistory } from './context';

export function registerWhy(program: Command): void {
  program.command('why <ref>')
    .description('the causal chain that produced an object\'s current state (<kind>/<name>), from causation ids')
    .option('-n, --namespace <ns>', 'namespace of a namespaced object', 'default')
    .option('-o, --output <format>', 'text or json', 'text')
    .action(async (ref: string, o) => withHistory(async ({ stream, store, indexer }) => {
      const key = parseObjectRef(ref, o.namespace);
      await indexer.catchUp();
      const steps = await explain(stream, store, key);
      out(o.output === 'json' ? JSON.stringify({ object: key, steps }, null, 2) + '\n' : chainText(keyString(key), steps));
    }));
}
