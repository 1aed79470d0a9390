import { connect, type NatsConnection } from 'nats';
import { DEFAULT_STREAM, isWakeError, JetStreamEventLog, type KubeObject } from '@wake/events';
import { closePrisma, createPrisma, ProjectionStore, Projector, type PrismaClient } from '@wake/projection';
import { Informer } from '@wake/runtime';
import { ObjectStore, type Actor } from '@wake/store';
import { createTestDatabase, TestNatsServer, waitUntil } from '@wake/testing';
import type { SimulatedNodesConfig } from '../../../node-agent/src/simulated/config';
import { SimulatedNodeAgent } from '../../../node-agent/src/simulated/simulated-agent';
import { configFromEnv, type ControllersConfig } from '../config';
import { CONTROLLERS } from '../controllers';
import { Runner } from '../runner/runner';

export const ADMIN: Actor = { type: 'user', name: 'admin' };
const WATCHED = ['Pod', 'ReplicaSet', 'Deployment', 'Node', 'Event', 'Namespace', 'Lease', 'ConfigMap'];

export interface HarnessOptions {
  /** Run the controllers in this process (default true). */
  readonly controllers?: boolean;
  readonly config?: Partial<ControllersConfig>;
  /** Simulated nodes (bind: the round-robin stand-in for the scheduler is on in tests). */
  readonly simulated?: Partial<SimulatedNodesConfig>;
}

/**
 * A private cluster core for one test file: real NATS JetStream, a fresh PostgreSQL database
 * with an in-process projector (the controllers' informers start from its snapshots),
 * SIMULATED nodes that bind (round-robin stand-in for the scheduler, which is not available
 * here) and report pods Running, and the controllers' Runner. Plus informers for assertions.
 */
export class Harness {
  runner?: Runner;
  agent!: SimulatedNodeAgent;
  readonly watch = new Map<string, Informer>();
  private constructor(
    readonly nats: TestNatsServer, readonly nc: NatsConnection, readonly log: JetStreamEventLog, readonly store: ObjectStore,
    readonly db: { url: string; drop: () => Promise<void> }, readonly prisma: PrismaClient, readonly projector: Projector,
  ) {}

  static async start(opts: HarnessOptions = {}): Promise<Harness> {
    const nats = await TestNatsServer.start();
    const nc = await connect({ servers: nats.url });
    const log = await JetStreamEventLog.open(nc, { stream: DEFAULT_STREAM });
    const db = await createTestDatabase('wake_ctrl');
    const prisma = createPrisma(db.url);
    const projector = new Projector(nc, new ProjectionStore(prisma), { stream: DEFAULT_STREAM.name });
    await projector.start();
    const h = new Harness(nats, nc, log, new ObjectStore(log), db, prisma, projector);
    for (const ns of ['default', 'kube-node-lease']) await h.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }, { actor: ADMIN });
    h.agent = new SimulatedNodeAgent(log, {
      nodes: 3, prefix: 'sim-', renewIntervalMs: 500, leaseDurationSeconds: 2, startDelayMs: 0, taint: true, bind: true, writers: 16,
      ...opts.simulated,
    }, { onError: (m) => process.stderr.write(`[sim] ${m}\n`) });
    await h.agent.start();
    for (const kind of WATCHED) {
      const i = new Informer(log, { kind });
      await i.start();
      h.watch.set(kind, i);
    }
    if (opts.controllers !== false) await h.startControllers(opts.config);
    return h;
  }

  config(overrides: Partial<ControllersConfig> = {}): ControllersConfig {
    return { ...configFromEnv({}), expectationTimeoutMs: 5000, ...overrides };
  }

  async startControllers(overrides: Partial<ControllersConfig> = {}): Promise<Runner> {
    await this.projector.reached(await this.log.lastSeq());
    this.runner = new Runner({
      log: this.log, store: this.store, controllers: CONTROLLERS, config: this.config(overrides),
      snapshots: new ProjectionStore(this.prisma),
      logger: (level, msg) => { if (level !== 'log') process.stderr.write(`[controllers] ${level} ${msg}\n`); },
    });
    await this.runner.start();
    return this.runner;
  }

  list<T = KubeObject>(kind: string, namespace = 'default', labels: Record<string, string> = {}): T[] {
    return this.watch.get(kind)!.list((o) => (o.metadata.namespace ?? '') === namespace
      && Object.entries(labels).every(([k, v]) => o.metadata.labels?.[k] === v)) as T[];
  }

  get<T = KubeObject>(kind: string, name: string, namespace = 'default'): T | undefined {
    return this.watch.get(kind)!.get(namespace, name) as T | undefined;
  }

  /**
   * A user's write, retried on conflict as kubectl's edits are (the controllers write status
   * concurrently; ObjectStore.delete, unlike patch, does not retry by itself).
   */
  async retry<T>(write: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await write();
      } catch (e) {
        if (!isWakeError(e, 'Conflict') || attempt >= 10) throw e;
      }
    }
  }

  delete(kind: string, name: string, propagationPolicy: 'Background' | 'Foreground' | 'Orphan', namespace = 'default') {
    return this.retry(() => this.store.delete({ kind, namespace, name }, { actor: ADMIN, propagationPolicy }));
  }

  until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
    return waitUntil(check, timeoutMs, what);
  }

  async stop(): Promise<void> {
    await this.runner?.stop();
    await this.agent.stop();
    for (const i of this.watch.values()) await i.stop();
    await this.projector.stop();
    await closePrisma(this.prisma);
    await this.nc.drain();
    await this.nats.stop();
    await this.db.drop();
  }
}
