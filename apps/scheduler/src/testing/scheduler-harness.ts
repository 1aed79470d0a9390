import type { V1Node, V1Pod } from '@kubernetes/client-node';
import { connect, type NatsConnection } from 'nats';
import { DEFAULT_STREAM, JetStreamEventLog, type KubeObject, type StoredEvent } from '@wake/events';
import { closePrisma, createPrisma, ProjectionStore, Projector, type PrismaClient } from '@wake/projection';
import { ObjectStore, type Actor } from '@wake/store';
import { createTestDatabase, TestNatsServer, waitUntil } from '@wake/testing';
import { Binder } from '../binding/binder';
import type { PodObject } from '../binding/pod-scheduled';
import { Scheduler } from '../scheduler';
import { DEFAULT_SETTINGS, type SchedulerSettings } from '../settings/scheduler-settings';

export const admin: Actor = { type: 'user', name: 'admin' };
const quiet = { log: () => undefined, warn: (m: string) => console.warn(m), error: (m: string) => console.error(m) };

/**
 * A private NATS (and, with `projection`, a private database with an in-process Projector the
 * scheduler's informers list from), an ObjectStore to write as a user would, and an in-process
 * scheduler that leads from the start.
 */
export class SchedulerHarness {
  scheduler!: Scheduler;
  private constructor(
    readonly nats: TestNatsServer,
    readonly nc: NatsConnection,
    readonly log: JetStreamEventLog,
    readonly store: ObjectStore,
    private readonly db?: { drop: () => Promise<void>; prisma: PrismaClient; projector: Projector; projection: ProjectionStore },
  ) {}

  static async start(opts: { projection?: boolean; settings?: Partial<SchedulerSettings>; before?: (h: SchedulerHarness) => Promise<void> } = {}): Promise<SchedulerHarness> {
    const nats = await TestNatsServer.start();
    const nc = await connect({ servers: nats.url });
    const log = await JetStreamEventLog.open(nc, { stream: DEFAULT_STREAM });
    let db: SchedulerHarness['db'];
    if (opts.projection) {
      const { url, drop } = await createTestDatabase('wake_sched');
      const prisma = createPrisma(url);
      const projection = new ProjectionStore(prisma);
      const projector = new Projector(nc, projection, { stream: DEFAULT_STREAM.name });
      await projector.start();
      db = { drop, prisma, projector, projection };
    }
    const h = new SchedulerHarness(nats, nc, log, new ObjectStore(log), db);
    await h.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }, { actor: admin });
    await opts.before?.(h);
    if (db) await db.projector.reached(await log.lastSeq());
    const settings = { ...DEFAULT_SETTINGS, holder: 'test', ...opts.settings };
    const binder = new Binder(log, h.store, { actor: { type: 'component', name: 'scheduler' }, component: settings.schedulerName, instance: settings.holder });
    h.scheduler = new Scheduler(log, binder, settings, quiet, db?.projection);
    await h.scheduler.start();
    h.scheduler.lead();
    return h;
  }

  async stop(): Promise<void> {
    await this.scheduler?.stop();
    if (this.db) {
      await this.db.projector.stop();
      await closePrisma(this.db.prisma);
      await this.db.drop();
    }
    await this.nc.drain();
    await this.nats.stop();
  }

  addNode(node: V1Node): Promise<KubeObject> {
    return this.store.create(node as unknown as KubeObject, { actor: admin });
  }

  createPod(pod: V1Pod): Promise<KubeObject> {
    return this.store.create(pod as unknown as KubeObject, { actor: admin });
  }

  async pod(name: string, namespace = 'default'): Promise<PodObject | undefined> {
    return (await this.store.get({ kind: 'Pod', namespace, name })) as PodObject | undefined;
  }

  async waitBound(name: string, timeoutMs = 10_000): Promise<string> {
    let node: string | undefined;
    await waitUntil(async () => Boolean((node = (await this.pod(name))?.spec?.nodeName)), timeoutMs, `pod ${name} to be bound`);
    return node!;
  }

  /** Waits for PodScheduled=False and returns its message. */
  async waitUnschedulable(name: string, timeoutMs = 10_000): Promise<string> {
    let message: string | undefined;
    await waitUntil(async () => {
      const c = (await this.pod(name))?.status?.conditions?.find((x) => x.type === 'PodScheduled');
      message = c?.status === 'False' ? c.message : undefined;
      return Boolean(message);
    }, timeoutMs, `pod ${name} to be marked unschedulable`);
    return message!;
  }

  async eventsOf(filter: { kind: string; namespace?: string; name?: string }): Promise<StoredEvent[]> {
    const out: StoredEvent[] = [];
    for await (const e of this.log.read({ filter })) out.push(e);
    return out;
  }

  /** The core/v1 Events recorded about a pod, as `reason: message`. */
  async podEvents(name: string, namespace = 'default'): Promise<string[]> {
    const events = await this.eventsOf({ kind: 'Event', namespace });
    return events
      .filter((e) => (e.object.involvedObject as { name: string }).name === name)
      .map((e) => `${e.object.reason}: ${e.object.message}`);
  }
}
