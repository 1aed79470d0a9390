import type { Command } from 'commander';
import { keyString } from '@wake/events';
import { chainText, parseObjectRef } from '@wake/history';
import { out, withHistory } from './context';

export function registerWhy(program: Command): void {
  program.command('why <ref>')
    .description('the causal chain that produced an object\'s current state (<kind>/<name>), from causation ids')
    .option('-n, --namespace <ns>', 'namespace of a namespaced object', 'default')
    .option('-o, --output <format>', 'text or json', 'text')
    .action(async (ref: string, o) => withHistory(async ({ queries }) => {
      const key = parseObjectRef(ref, o.namespace);
      const chain = await queries.why(key);
      out(o.output === 'json' ? JSON.stringify(chain, null, 2) + '\n' : chainText(keyString(key), chain.steps));
    }));
}
