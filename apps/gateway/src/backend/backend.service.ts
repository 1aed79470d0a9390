import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { connect, type NatsConnection } from 'nats';
import type pg from 'pg';
import { openHistoryQueries } from '@wake/history';
import { JetStreamEventLog, streamSettingsFromEnv } from '@wake/events';
import { closePrisma, createPool, createPrisma, ProjectionProgress, ProjectionStore, type PrismaClient } from '@wake/projection';
import { ObjectStore } from '@wake/store';
import { rangesFromEnv, ServiceAllocator } from '@wake/services';
import { ServiceAllocatingStore } from './service-store';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config';
import type { GatewayDeps } from '../server/context';

/** The gateway's adapters: NATS (the log, node agents), PostgreSQL (the projection), the write path. */
@Injectable()
export class BackendService implements OnModuleDestroy {
  private nc?: NatsConnection;
  private prisma?: PrismaClient;
  private progress?: ProjectionProgress;
  private allocator?: ServiceAllocator;
  private historyPool?: pg.Pool;
  deps?: GatewayDeps;

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  async open(): Promise<GatewayDeps> {
    if (this.deps) return this.deps;
    this.nc = await connect({ servers: this.config.natsUrl, name: 'wake-gateway', maxReconnectAttempts: -1, reconnectTimeWait: 250 });
    const log = await JetStreamEventLog.open(this.nc, { stream: streamSettingsFromEnv() });
    this.prisma = createPrisma(this.config.databaseUrl, 20);
    const projection = new ProjectionStore(this.prisma);
    this.progress = new ProjectionProgress(this.nc).start(await projection.checkpoint('main'));
    // Service writes allocate ClusterIPs and NodePorts (WAKE_SERVICE_CIDR, WAKE_NODE_PORT_RANGE) through the log.
    this.allocator = await ServiceAllocator.start({ store: new ObjectStore(log), ranges: rangesFromEnv(), actor: { type: 'component', name: 'service-allocator' } });
    // The history API reads the log and the history tables (through its own small pool: pg, not Prisma, like the CLI).
    this.historyPool = createPool(this.config.databaseUrl, 4);
    const history = await openHistoryQueries(this.nc, log, this.historyPool, { stream: streamSettingsFromEnv().name, snapshotEvery: this.config.historySnapshotEvery });
    this.deps = {
      config: this.config, log, store: new ServiceAllocatingStore(log, this.allocator), projection, progress: this.progress, nc: this.nc, history, now: () => new Date(),
    };
    return this.deps;
  }

  async onModuleDestroy(): Promise<void> {
    this.progress?.stop();
    await this.allocator?.stop().catch(() => undefined);
    if (this.prisma) await closePrisma(this.prisma);
    await this.historyPool?.end().catch(() => undefined);
    await this.nc?.drain().catch(() => undefined);
  }
}
