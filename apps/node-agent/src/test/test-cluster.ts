import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Docker from 'dockerode';
import { connect, type NatsConnection } from 'nats';
import type { V1Pod } from '@kubernetes/client-node';
import { DEFAULT_STREAM, JetStreamEventLog, type KubeObject } from '@wake/events';
import { ObjectStore, type Actor } from '@wake/store';
import { removePodNetworks, TestNatsServer, waitUntil } from '@wake/testing';
import { AgentProcess } from './agent-process';
import { removeContainersSequentially } from './remove-containers';

export const user: Actor = { type: 'user', name: 'test-admin' };

/** NATS JetStream, the log, a store acting as a user, namespaces, and node agents as child processes. */
export class TestCluster {
  readonly run = `na-${randomUUID().slice(0, 8)}`;
  readonly agents = new Map<string, AgentProcess>();
  private readonly dirs: string[] = [];
  readonly docker = new Docker();

  private constructor(readonly nats: TestNatsServer, readonly nc: NatsConnection, readonly log: JetStreamEventLog, readonly store: ObjectStore) {}

  static async start(): Promise<TestCluster> {
    const nats = await TestNatsServer.start();
    const nc = await connect({ servers: nats.url });
    const log = await JetStreamEventLog.open(nc, { stream: DEFAULT_STREAM });
    const store = new ObjectStore(log);
    for (const name of ['default', 'kube-node-lease']) await store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, { actor: user });
    return new TestCluster(nats, nc, log, store);
  }

  nodeName(short: string): string {
    return `${short}-${this.run}`;
  }

  agent(short: string, address: string, env?: Record<string, string>): AgentProcess {
    const dataDir = mkdtempSync(path.join(tmpdir(), `wake-${short}-`));
    this.dirs.push(dataDir);
    const a = new AgentProcess({ nodeName: this.nodeName(short), nodeAddress: address, natsUrl: this.nats.url, dataDir, testLabel: this.run, env });
    this.agents.set(short, a);
    return a;
  }

  async waitRegistered(a: AgentProcess, timeoutMs = 30_000): Promise<void> {
    await waitUntil(() => /registered/.test(a.output), timeoutMs, `agent ${a.o.nodeName} to register\n${a.output}`).catch((e: Error) => {
      throw new Error(`${e.message}\n--- agent output ---\n${a.output}`);
    });
  }

  async createPod(name: string, node: string, spec: Partial<NonNullable<V1Pod['spec']>>): Promise<V1Pod> {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { nodeName: node, terminationGracePeriodSeconds: 5, ...spec } };
    return (await this.store.create(pod as unknown as KubeObject, { actor: user })) as unknown as V1Pod;
  }

  async getPod(name: string): Promise<V1Pod | undefined> {
    return (await this.store.get({ kind: 'Pod', namespace: 'default', name })) as unknown as V1Pod | undefined;
  }

  /** Polls the log until the pod satisfies `check`; fails with the last status seen. */
  async waitPod(name: string, check: (p: V1Pod) => boolean, timeoutMs = 30_000, what = 'condition'): Promise<V1Pod> {
    let last: V1Pod | undefined;
    try {
      await waitUntil(async () => { last = await this.getPod(name); return !!last && check(last); }, timeoutMs, `pod ${name}: ${what}`);
    } catch (e) {
      throw new Error(`${(e as Error).message}; last status ${JSON.stringify(last?.status, null, 1)}`);
    }
    return last!;
  }

  /** Containers of a pod uid on the engine, as `docker ps -a` with a label filter shows them. */
  async containersOf(uid: string, runningOnly = false) {
    return this.docker.listContainers({ all: !runningOnly, filters: { label: [`wake.pod.uid=${uid}`, `wake.test=${this.run}`] } });
  }

  async stop(): Promise<void> {
    await Promise.all([...this.agents.values()].map((a) => a.kill('SIGKILL')));
    await removeContainersSequentially(`wake.test=${this.run}`, this.docker);
    await removePodNetworks(`wake.test=${this.run}`, this.docker).catch(() => undefined);
    await this.nc.drain().catch(() => undefined);
    await this.nats.stop();
    for (const d of this.dirs) rmSync(d, { recursive: true, force: true });
  }
}
