import { GatewayHarness } from './harness';

/** `node -r ./scripts/register.js apps/gateway/src/testing/dev.ts`: a throwaway gateway for trying kubectl by hand. */
async function main(): Promise<void> {
  const h = await GatewayHarness.start({ logLevel: process.env.WAKE_LOG_LEVEL ?? 'info', port: Number(process.env.WAKE_GATEWAY_PORT ?? 0) });
  process.stdout.write(`READY ${h.url} KUBECONFIG=${h.kubeconfig} NATS=${h.nats.url}\n`);
  const stop = () => void h.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
