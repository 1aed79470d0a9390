import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { closePrisma, createPrisma, databaseUrlFromEnv, ProjectionStore, type PrismaClient } from '@wake/projection';
import { LeaderLease, openLog, type SnapshotSource } from '@wake/runtime';
import { ObjectStore } from '@wake/store';
import { Binder } from './binding/binder';
import { Scheduler } from './scheduler';
import type { SchedulerSettings } from './settings/scheduler-settings';

export const SCHEDULER_SETTINGS = Symbol('SCHEDULER_SETTINGS');

/**
 * The scheduler process: opens the log, fills the cache (every replica does, so a standby takes
 * over warm), and schedules only while it holds the lease in NATS KV.
 */
@Injectable()
export class SchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Scheduler');
  private nc?: NatsConnection;
  private prisma?: PrismaClient;
  private lease?: LeaderLease;
  private statsTimer?: NodeJS.Timeout;
  scheduler?: Scheduler;

  constructor(@Inject(SCHEDULER_SETTINGS) private readonly settings: SchedulerSettings) {}

  async onApplicationBootstrap(): Promise<void> {
    const s = this.settings;
    const { nc, log } = await openLog(`wake-scheduler-${s.holder}`);
    this.nc = nc;
    let source: SnapshotSource | undefined;
    if (s.listFrom === 'projection') {
      this.prisma = createPrisma(databaseUrlFromEnv());
      source = new ProjectionStore(this.prisma);
    }
    const store = new ObjectStore(log);
    const binder = new Binder(log, store, { actor: { type: 'component', name: 'scheduler' }, component: s.schedulerName, instance: s.holder });
    this.scheduler = new Scheduler(log, binder, s, this.logger, source);
    await this.scheduler.start();
    this.logger.log(`cache synced (${this.scheduler.cache.snapshot.numNodes} nodes, ${this.scheduler.cache.snapshot.numPods} bound pods); ${s.holder} campaigning for lease "${s.leaseName}" (ttl ${s.leaseTtlMs} ms)`);
    this.lease = new LeaderLease(nc, { name: s.leaseName, holder: s.holder, ttlMs: s.leaseTtlMs });
    await this.lease.run(
      () => this.scheduler!.lead(),
      () => { this.logger.warn('lost the lease: standing by'); void this.scheduler!.unlead(); },
    );
    let last = '';
    this.statsTimer = setInterval(() => {
      const line = JSON.stringify({ leading: this.scheduler!.isLeading, ...this.scheduler!.stats, queue: this.scheduler!.queue.stats });
      if (line !== last) this.logger.log(`stats ${line}`);
      last = line;
    }, 5000);
    this.statsTimer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.statsTimer) clearInterval(this.statsTimer);
    await this.scheduler?.unlead();
    await this.scheduler?.drain();
    if (this.scheduler) this.logger.log(`final stats ${JSON.stringify({ ...this.scheduler.stats, queue: this.scheduler.queue.stats })}`);
    await this.lease?.stop();
    await this.scheduler?.stop();
    if (this.prisma) await closePrisma(this.prisma);
    await this.nc?.drain();
  }
}
