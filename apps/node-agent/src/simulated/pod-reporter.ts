import { isWakeError, type KubeObject } from '@wake/events';
import type { Informer } from '@wake/runtime';
import type { ObjectStore } from '@wake/store';
import { KeyedRunner } from './keyed-runner';
import type { Limiter } from './limiter';
import { reportedRunning, runningStatus } from './objects';
import type { SimulatedNodes } from './simulated-nodes';

const nodeOf = (pod: KubeObject) => (pod.spec as { nodeName?: string } | undefined)?.nodeName;
const split = (key: string) => { const i = key.indexOf('/'); return { namespace: key.slice(0, i), name: key.slice(i + 1) }; };

/**
 * What a kubelet reports, SIMULATED: a pod bound to a live simulated node is reported
 * Running and Ready (after `startDelayMs`) without any container; a pod being deleted is
 * finally removed (grace period 0), as a kubelet does once its containers are stopped.
 * Pods on a paused ("dead") node are left alone until it resumes.
 */
export class PodReporter {
  private readonly runner: KeyedRunner;
  private nextIp = 1;
  reported = 0;
  removed = 0;

  constructor(
    private readonly store: ObjectStore,
    private readonly nodes: SimulatedNodes,
    private readonly pods: Informer,
    private readonly limiter: Limiter,
    private readonly opts: { startDelayMs: number; now?: () => Date; onError?: (msg: string) => void },
  ) {
    this.runner = new KeyedRunner((key) => this.sync(key), (key, e) => opts.onError?.(`pod ${key}: ${(e as Error).message}`));
  }

  handle(pod: KubeObject): void {
    const node = nodeOf(pod);
    if (node && this.nodes.isAlive(node)) this.runner.trigger(`${pod.metadata.namespace}/${pod.metadata.name}`);
  }

  /** Looks again at every pod bound to a node (after it resumes). */
  rescan(node: string): void {
    for (const pod of this.pods.list((p) => nodeOf(p) === node)) this.handle(pod);
  }

  settled(): Promise<void> {
    return this.runner.settled();
  }

  private async sync(key: string): Promise<void> {
    const { namespace, name } = split(key);
    const pod = this.pods.get(namespace, name);
    const node = pod && nodeOf(pod);
    if (!pod || !node || !this.nodes.isAlive(node)) return;
    const actor = { type: 'node' as const, node };
    if (pod.metadata.deletionTimestamp) {
      await this.limiter.run(async () => {
        try {
          const { removed } = await this.store.delete({ kind: 'Pod', namespace, name }, { actor, gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } });
          if (removed) this.removed++;
        } catch (e) {
          if (!isWakeError(e, 'NotFound') && !isWakeError(e, 'Conflict')) throw e;
        }
      });
      return;
    }
    if (reportedRunning(pod)) return;
    // A finished pod stays finished: a kubelet never brings a Succeeded or Failed pod back.
    const phase = (pod.status as { phase?: string } | undefined)?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return;
    if (this.opts.startDelayMs) await new Promise((r) => setTimeout(r, this.opts.startDelayMs));
    const n = this.nextIp++;
    const ip = `10.254.${(n >> 8) & 255}.${n & 255}`;
    await this.limiter.run(async () => {
      try {
        await this.store.update(runningStatus(pod, ip, this.opts.now?.() ?? new Date()), { actor, subresource: 'status', intent: 'StatusReported' });
        this.reported++;
      } catch (e) {
        // A newer version is on its way to the informer; its event triggers us again.
        if (!isWakeError(e, 'Conflict') && !isWakeError(e, 'NotFound')) throw e;
      }
    });
  }
}
