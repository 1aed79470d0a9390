import os from 'node:os';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import type { JetStreamEventLog } from '@wake/events';
import { closePrisma, createPrisma, ProjectionStore, type PrismaClient } from '@wake/projection';
import { nodeSnapshots } from '@wake/node-api';
import { LeaderLease, openLog } from '@wake/runtime';
import { ObjectStore } from '@wake/store';
import { configFromEnv } from './config';
import { CONTROLLERS } from './controllers';
import { Runner } from './runner/runner';

/**
 * The controllers service: one LeaderLease; while this replica leads, a Runner keeps every
 * controller going; when leadership is lost the runner stops at once (a new one starts if
 * leadership comes back). Initial lists come from the projection when DATABASE_URL is set.
 */
@Injectable()
export class ControllersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Controllers');
  private readonly config = configFromEnv();
  private nc?: NatsConnection;
  private log?: JetStreamEventLog;
  private prisma?: PrismaClient;
  private lease?: LeaderLease;
  private runner?: Runner;
  private transition: Promise<void> = Promise.resolve();

  async onApplicationBootstrap(): Promise<void> {
    ({ nc: this.nc, log: this.log } = await openLog('wake-controllers'));
    if (process.env.DATABASE_URL) this.prisma = createPrisma(process.env.DATABASE_URL);
    const holder = process.env.WAKE_CONTROLLERS_ID ?? `${os.hostname()}-${process.pid}`;
    this.lease = new LeaderLease(this.nc, { name: 'controllers', holder, ttlMs: this.config.leaseTtlMs });
    this.logger.log(`controllers ${holder}: waiting for the leader lease (ttl ${this.config.leaseTtlMs} ms); node grace ${this.config.nodeMonitorGraceSeconds}s, default toleration ${this.config.defaultTolerationSeconds}s`);
    await this.lease.run(() => this.lead(), () => this.follow());
  }

  private lead(): void {
    this.transition = this.transition.then(async () => {
      this.logger.log(`leading: starting ${CONTROLLERS.map((c) => c.name).join(', ')}`);
      const runner = new Runner({
        log: this.log!, store: new ObjectStore(this.log!), controllers: CONTROLLERS, config: this.config,
        snapshots: this.prisma ? new ProjectionStore(this.prisma) : undefined,
        metrics: (nodes) => nodeSnapshots(this.nc!, nodes),
        logger: (level, msg) => this.logger[level](msg),
      });
      this.runner = runner;
      await runner.start();
      this.logger.log('caches synced; controllers running');
    }).catch((e) => {
      this.logger.error(`could not start the controllers: ${(e as Error).stack}`);
      process.exit(1);
    });
  }

  private follow(): void {
    this.logger.warn('lost the leader lease: stopping the controllers');
    this.transition = this.transition.then(() => this.stopRunner());
  }

  private async stopRunner(): Promise<void> {
    const r = this.runner;
    this.runner = undefined;
    await r?.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.lease?.stop();
    await this.transition;
    await this.stopRunner();
    if (this.prisma) await closePrisma(this.prisma);
    await this.nc?.drain();
  }
}
