// SIMULATED node mode — for scale benchmarks and tests. Registers WAKE_SIMULATED_NODES Node
// objects labelled wake.dev/simulated=true and reports pods bound to them Running without
// running anything. Runs alongside real node agents; never use it instead of one.
//
//   NATS_URL=nats://127.0.0.1:14222 WAKE_SIMULATED_NODES=100 \
//     node -r ./scripts/register.js apps/node-agent/src/simulated/main.ts
//
// WAKE_SIMULATED_BIND=1 additionally binds tolerating unscheduled pods round-robin (a stand-in
// for the scheduler, for tests and benchmarks only). See config.ts for every setting.
import { openLog } from '@wake/runtime';
import { simulatedConfigFromEnv } from './config';
import { SimulatedNodeAgent } from './simulated-agent';

async function main(): Promise<void> {
  const config = simulatedConfigFromEnv();
  const { nc, log } = await openLog('wake-simulated-nodes');
  const agent = new SimulatedNodeAgent(log, config, { onError: (m) => process.stderr.write(`[simulated-nodes] ${m}\n`) });
  await agent.start();
  process.stdout.write(`[simulated-nodes] SIMULATED: ${config.nodes} nodes ${config.prefix}0..${config.nodes - 1} registered (no containers run)${config.bind ? '; binding tolerating pods round-robin (scheduler stand-in)' : ''}\n`);
  const shutdown = async () => {
    await agent.stop();
    await nc.drain();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
}

main().catch((e) => {
  process.stderr.write(`[simulated-nodes] ${(e as Error).stack}\n`);
  process.exit(1);
});
