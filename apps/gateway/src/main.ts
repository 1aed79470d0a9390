import { startGateway } from './start-gateway';

/**
 * The Wake gateway. Environment: WAKE_HOME (data folder, default .wake), WAKE_GATEWAY_PORT
 * (default 6443), NATS_URL, DATABASE_URL, WAKE_GATEWAY_INSECURE_HTTP=1 for plain HTTP,
 * WAKE_LOG_LEVEL. Writes <WAKE_HOME>/kubeconfig for kubectl.
 */
async function main(): Promise<void> {
  const gateway = await startGateway();
  process.stdout.write(`wake gateway: ${gateway.url} (kubeconfig ${gateway.kubeconfig})\n`);
  const stop = () => void gateway.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e) => {
  process.stderr.write(`wake gateway failed to start: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
