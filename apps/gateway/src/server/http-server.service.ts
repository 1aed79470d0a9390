import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { TokenAuthenticator } from '../auth/authenticate';
import { parseTokenFile } from '../auth/token-file';
import { BackendService } from '../backend/backend.service';
import { bootstrapCluster } from '../backend/bootstrap';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config';
import { GatewayMetrics } from '../observability/metrics';
import { createLogger } from '../observability/request-logger';
import { ensureServingMaterial } from '../tls/certificates';
import { ensureAdminToken, writeKubeconfig } from '../tls/kubeconfig';
import { createDispatcher } from './dispatch';

/** Serves the Kubernetes API: HTTPS (plain HTTP only when configured), bound to 127.0.0.1. */
@Injectable()
export class HttpServerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private server?: http.Server | https.Server;
  private ready = false;
  private readonly upgraded = new Set<Duplex>();
  readonly logger: Logger;
  readonly metrics = new GatewayMetrics();
  url = '';
  token = '';

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig, private readonly backend: BackendService) {
    this.logger = createLogger(config.logLevel);
  }

  async onApplicationBootstrap(): Promise<void> {
    const deps = await this.backend.open();
    await bootstrapCluster(deps.store, this.config.port || undefined);
    this.token = ensureAdminToken(this.config.home);
    const more = this.config.tokenFile ? parseTokenFile(fs.readFileSync(this.config.tokenFile, 'utf8')) : [];
    const dispatcher = createDispatcher(deps, new TokenAuthenticator(this.token, more), this.metrics, this.logger, () => this.ready);
    let caCert: string | undefined;
    if (this.config.insecureHttp) {
      this.server = http.createServer(dispatcher.handle);
    } else {
      const tls = await ensureServingMaterial(this.config.home);
      caCert = tls.caCert;
      this.server = https.createServer({ cert: tls.cert, key: tls.key }, dispatcher.handle);
    }
    this.server.on('upgrade', (req, socket: Duplex, head) => {
      this.upgraded.add(socket);
      socket.once('close', () => this.upgraded.delete(socket));
      dispatcher.upgrade(req, socket, head);
    });
    this.server.keepAliveTimeout = 65_000;
    this.server.requestTimeout = 0; // watches and log follows stay open
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.config.port, this.config.host, () => resolve());
    });
    const port = (this.server.address() as AddressInfo).port;
    this.url = `${this.config.insecureHttp ? 'http' : 'https'}://${this.config.host}:${port}`;
    writeKubeconfig(this.config.kubeconfigPath, { server: this.url, caCert, token: this.token });
    this.ready = true;
    this.logger.info({ url: this.url, kubeconfig: this.config.kubeconfigPath }, `gateway serving on ${this.url}`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.ready = false;
    const s = this.server;
    if (!s) return;
    await new Promise<void>((resolve) => {
      s.close(() => resolve());
      s.closeAllConnections();
      for (const socket of this.upgraded) socket.destroy();
    });
  }
}
