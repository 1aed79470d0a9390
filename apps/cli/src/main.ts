import 'reflect-metadata';
import { Command } from 'commander';
import { down } from './cluster/down';
import { components } from './cluster/components';
import { runningPid } from './cluster/processes';
import { up } from './cluster/up';
import { rebuild } from './projection-rebuild';
import { registerHistoryCommands } from './history/register';

const program = new Command('wake').description('Wake: the cluster whose every change is a replayable event');
const shapeOptions = (c: Command) => c
  .option('--nodes <n>', 'node agents on 127.0.0.2, 127.0.0.3, …', (v) => Number(v), 2)
  .option('--port <port>', 'gateway port on 127.0.0.1', (v) => Number(v), 6443);

shapeOptions(program.command('up').description('start the local cluster and the example workload'))
  .option('--no-example', 'do not apply examples/nginx.yaml')
  .option('--timeout <seconds>', 'how long to wait for each step', (v) => Number(v), 180)
  .action(async (o) => {
    console.log('Bringing up Wake on 127.0.0.1 …');
    await up({ nodes: o.nodes, gatewayPort: o.port, example: o.example, timeoutSeconds: o.timeout });
    console.log(`
Wake is up. Next:
  export KUBECONFIG=${process.env.WAKE_HOME ?? '.wake'}/kubeconfig
  kubectl get nodes,pods,svc -o wide
  curl http://127.0.0.2:30080/          # the example Service's NodePort (any node: 127.0.0.3 too)
  kubectl scale deploy/nginx --replicas=4; kubectl rollout status deploy/nginx
  ./wake down                           # stop it (--purge also deletes its data)`);
  });

shapeOptions(program.command('down').description('stop the local cluster'))
  .option('--purge', 'also delete the cluster data under .wake/')
  .action(async (o) => down({ nodes: o.nodes, gatewayPort: o.port }, { purge: Boolean(o.purge) }));

shapeOptions(program.command('status').description('which local cluster processes run'))
  .action((o) => {
    for (const c of components({ nodes: o.nodes, gatewayPort: o.port })) {
      const pid = runningPid(c.name);
      console.log(`${c.name.padEnd(12)} ${pid ? `running (pid ${pid})` : 'stopped'}`);
    }
  });

program.command('projection')
  .description('the PostgreSQL projection of the log')
  .command('rebuild')
  .description('rebuild the projection from the stream into fresh tables while the live ones keep serving, '
    + 'compare hashes at the live checkpoint, and switch atomically when they are equal')
  .option('--in-place', 'the old form: stop the local projector, truncate the projection and replay into it (reads see a partial projection meanwhile)')
  .option('--drop-on-mismatch', 'when the hashes differ, drop the rebuilt tables instead of keeping them to inspect')
  .option('--max-batch <n>', 'events per batch statement', (v) => Number(v))
  .action(rebuild);

registerHistoryCommands(program);

program.parseAsync().catch((e) => {
  console.error(`wake: ${(e as Error).message}`);
  process.exit(1);
});
