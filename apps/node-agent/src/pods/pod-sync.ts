import type { V1Pod } from '@kubernetes/client-node';
import type { EventLog, KubeObject } from '@wake/events';
import { Informer, WorkQueue, type InformerEvent } from '@wake/runtime';
import type { ObjectStore } from '@wake/store';
import type { DockerRuntime } from '../runtime/docker-runtime';
import { DockerEvents } from './docker-events';
import { informerLookups, podUses } from './config-sources';
import { PodMemories } from './pod-state';
import { PodWorker } from './pod-worker';

export interface PodSyncOptions {
  readonly workers: number;
  readonly resyncSeconds: number;
  readonly log?: (message: string) => void;
}

/**
 * Keeps this node's pods running as specified: informers on Pods, ConfigMaps and Secrets from
 * the log, Docker's events for this node's containers, and a keyed work queue (by pod uid) that
 * runs the PodWorker. On start it adopts what Docker already runs for this node (labels), so a
 * restarted agent never starts a second copy and removes containers of pods that are gone.
 */
export class PodSync {
  readonly pods: Informer;
  private readonly configMaps: Informer;
  private readonly secrets: Informer;
  private readonly byUid = new Map<string, V1Pod>();
  private readonly queue = new WorkQueue({ baseDelayMs: 200, maxDelayMs: 10_000 });
  private readonly memories = new PodMemories();
  private readonly events: DockerEvents;
  private readonly worker: PodWorker;
  private running?: Promise<void>;

  constructor(log: EventLog, store: ObjectStore, private readonly rt: DockerRuntime, private readonly o: PodSyncOptions) {
    this.pods = new Informer(log, { kind: 'Pod' });
    this.configMaps = new Informer(log, { kind: 'ConfigMap' });
    this.secrets = new Informer(log, { kind: 'Secret' });
    this.events = new DockerEvents(rt.docker, rt.nodeName, (uid) => this.queue.add(uid), o.log);
    this.worker = new PodWorker({
      runtime: rt, store, podByUid: (uid) => this.byUid.get(uid), lookups: informerLookups(this.configMaps, this.secrets),
      memories: this.memories, resyncMs: o.resyncSeconds * 1000, log: o.log,
    });
  }

  /** The pod by namespace/name, as logs/exec look it up. */
  podByName(namespace: string, name: string): V1Pod | undefined {
    return this.pods.get(namespace, name) as V1Pod | undefined;
  }

  async start(): Promise<void> {
    this.pods.on((e) => this.onPod(e));
    const requeueUsers = (kind: 'ConfigMap' | 'Secret') => (e: InformerEvent) => {
      if (!this.pods.synced) return;
      for (const p of this.byUid.values()) {
        if (p.spec?.nodeName === this.rt.nodeName && p.metadata?.namespace === e.object.metadata.namespace && podUses(p, kind, e.object.metadata.name)) {
          this.queue.add(p.metadata!.uid!);
        }
      }
    };
    this.configMaps.on(requeueUsers('ConfigMap'));
    this.secrets.on(requeueUsers('Secret'));
    await Promise.all([this.configMaps.start(), this.secrets.start()]);
    await this.pods.start();
    await this.events.start();
    // Adoption: every container this node already runs is reconciled against the API.
    for (const uid of (await this.rt.listManaged()).keys()) this.queue.add(uid);
    this.running = this.queue.run((uid) => this.syncOne(uid), this.o.workers, (uid, e) => this.o.log?.(`sync of pod ${uid} failed: ${(e as Error).message}`));
  }

  async stop(): Promise<void> {
    this.events.stop();
    this.queue.stop();
    await Promise.all([this.pods.stop(), this.configMaps.stop(), this.secrets.stop()]);
    await this.running;
  }

  private onPod(e: InformerEvent): void {
    const pod = e.object as KubeObject & V1Pod;
    const uid = pod.metadata?.uid;
    if (!uid) return;
    const prev = this.byUid.get(uid);
    if (e.type === 'DELETED') this.byUid.delete(uid);
    else this.byUid.set(uid, pod);
    // Pods bound here, and pods that were (moved away or deleted: their containers go).
    const here = (p: V1Pod | undefined) => p?.spec?.nodeName === this.rt.nodeName;
    if (here(pod) || here(prev)) this.queue.add(uid);
  }

  private async syncOne(uid: string): Promise<void> {
    const r = await this.worker.sync(uid);
    if (r.requeueAfterMs !== undefined) this.queue.addAfter(uid, r.requeueAfterMs);
  }
}
