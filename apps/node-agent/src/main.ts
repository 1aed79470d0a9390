import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NodeAgentModule } from './shell/agent.module';

/**
 * The node agent (one per host):
 *   WAKE_NODE_NAME=node-a WAKE_NODE_ADDRESS=127.0.0.2 NATS_URL=nats://127.0.0.1:14222 \
 *     node -r ./scripts/register.js apps/node-agent/src/main.ts [--data-dir …] [--cpu 2] [--memory 4Gi]
 */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(NodeAgentModule, { logger: ['log', 'warn', 'error'] });
  app.enableShutdownHooks();
}

main().catch((e: Error) => {
  console.error(`node agent failed to start: ${e.message}`);
  process.exit(1);
});
