import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { gatewayConfigFromEnv, type GatewayConfig } from './config/gateway-config';
import { GatewayModule } from './gateway.module';
import { HttpServerService } from './server/http-server.service';

export interface RunningGateway {
  readonly url: string;
  readonly token: string;
  readonly kubeconfig: string;
  readonly config: GatewayConfig;
  close(): Promise<void>;
}

/** Starts the gateway (main.ts and tests): config from the environment with overrides. */
export async function startGateway(overrides: Partial<GatewayConfig> = {}, env: NodeJS.ProcessEnv = process.env): Promise<RunningGateway> {
  const config = gatewayConfigFromEnv(env, overrides);
  const app = await NestFactory.createApplicationContext(GatewayModule.forConfig(config), { logger: ['warn', 'error'] });
  await app.init();
  const server = app.get(HttpServerService);
  return { url: server.url, token: server.token, kubeconfig: config.kubeconfigPath, config, close: () => app.close() };
}
