import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { connect, type NatsConnection } from 'nats';
import { DEFAULT_STREAM, JetStreamEventLog } from '@wake/events';
import { closePrisma, createPrisma, ProjectionStore, Projector, type PrismaClient } from '@wake/projection';
import { createTestDatabase, TestNatsServer } from '@wake/testing';
import { startGateway, type RunningGateway } from '../start-gateway';
import type { GatewayConfig } from '../config/gateway-config';

/**
 * A whole control-plane slice for tests and local runs: a private nats-server, a fresh
 * PostgreSQL database, the projector in-process, and the gateway on a free port over HTTPS.
 */
export class GatewayHarness {
  private constructor(
    readonly gateway: RunningGateway,
    readonly nats: TestNatsServer,
    readonly nc: NatsConnection,
    readonly log: JetStreamEventLog,
    readonly home: string,
    private readonly prisma: PrismaClient,
    private readonly projector: Projector,
    private readonly dropDb: () => Promise<void>,
  ) {}

  static async start(overrides: Partial<GatewayConfig> = {}): Promise<GatewayHarness> {
    const nats = await TestNatsServer.start();
    const db = await createTestDatabase('wake_gw');
    const nc = await connect({ servers: nats.url });
    const log = await JetStreamEventLog.open(nc, { stream: DEFAULT_STREAM });
    const prisma = createPrisma(db.url, 4);
    const projector = new Projector(nc, new ProjectionStore(prisma), { stream: DEFAULT_STREAM.name });
    await projector.start();
    const home = overrides.home ?? fs.mkdtempSync(path.join(os.tmpdir(), 'wake-gw-'));
    const gateway = await startGateway({
      home, port: 0, natsUrl: nats.url, databaseUrl: db.url, kubeconfigPath: path.join(home, 'kubeconfig'), logLevel: 'silent', ...overrides,
    });
    return new GatewayHarness(gateway, nats, nc, log, home, prisma, projector, db.drop);
  }

  get url(): string {
    return this.gateway.url;
  }

  get kubeconfig(): string {
    return this.gateway.kubeconfig;
  }

  get caCert(): string {
    return fs.readFileSync(path.join(this.home, 'pki', 'ca.crt'), 'utf8');
  }

  /** One HTTPS request to the gateway with the admin token (or `token`), trusting the cluster CA. */
  request(method: string, urlPath: string, body?: unknown, headers: Record<string, string> = {}, token: string | null = this.gateway.token): Promise<ApiResponse> {
    const data = body === undefined ? undefined : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = https.request(new URL(urlPath, this.url), {
        method, ca: this.caCert,
        headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(data !== undefined ? { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(data)) } : {}), ...headers },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
      });
      req.on('error', reject);
      req.end(data);
    });
  }

  async stop(): Promise<void> {
    await this.gateway.close();
    await this.projector.stop();
    await closePrisma(this.prisma);
    await this.nc.drain();
    await this.nats.stop();
    await this.dropDb();
    fs.rmSync(this.home, { recursive: true, force: true });
  }
}

export interface ApiResponse { readonly status: number; readonly headers: Record<string, string | string[] | undefined>; readonly text: string; json<T = any>(): T } // eslint-disable-line @typescript-eslint/no-explicit-any
