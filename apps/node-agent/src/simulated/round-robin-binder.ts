import { isWakeError, type KubeObject } from '@wake/events';
import type { ObjectStore } from '@wake/store';
import { KeyedRunner } from './keyed-runner';
import type { Limiter } from './limiter';
import { toleratesSimulated } from './objects';
import type { SimulatedNodes } from './simulated-nodes';

/**
 * TEST/BENCHMARK STAND-IN FOR THE SCHEDULER (enabled only by WAKE_SIMULATED_BIND=1 or the
 * `bind` option): binds unscheduled pods to the live simulated nodes, round-robin, with no
 * filtering or scoring. Only pods that tolerate the simulated taint (when the nodes are
 * tainted) are bound; everything else is left to the real scheduler.
 */
export class RoundRobinBinder {
  private readonly runner: KeyedRunner;
  private next = 0;
  bound = 0;

  constructor(
    private readonly store: ObjectStore,
    private readonly nodes: SimulatedNodes,
    private readonly getPod: (namespace: string, name: string) => KubeObject | undefined,
    private readonly limiter: Limiter,
    private readonly opts: { requireToleration: boolean; onError?: (msg: string) => void },
  ) {
    this.runner = new KeyedRunner((key) => this.bind(key), (key, e) => opts.onError?.(`binding ${key}: ${(e as Error).message}`));
  }

  handle(pod: KubeObject): void {
    if (this.wants(pod)) this.runner.trigger(`${pod.metadata.namespace}/${pod.metadata.name}`);
  }

  private wants(pod: KubeObject): boolean {
    const spec = pod.spec as { nodeName?: string; schedulerName?: string } | undefined;
    if (spec?.nodeName || pod.metadata.deletionTimestamp) return false;
    if (spec?.schedulerName && spec.schedulerName !== 'default-scheduler') return false;
    return !this.opts.requireToleration || toleratesSimulated(pod);
  }

  private async bind(key: string): Promise<void> {
    const i = key.indexOf('/');
    const pod = this.getPod(key.slice(0, i), key.slice(i + 1));
    if (!pod || !this.wants(pod)) return;
    const alive = this.nodes.names.filter((n) => this.nodes.isAlive(n));
    if (!alive.length) return;
    const node = alive[this.next++ % alive.length];
    await this.limiter.run(async () => {
      try {
        // The binding write every binder uses (one Pod.Bound event, optimistic on the pod read).
        await this.store.bind({ kind: 'Pod', namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name }, node, {
          pod, actor: { type: 'component', name: 'simulated-binder' }, detail: { binder: 'round-robin (simulated nodes stand-in)' },
        });
        this.bound++;
      } catch (e) {
        if (!isWakeError(e, 'Conflict') && !isWakeError(e, 'NotFound')) throw e;
      }
    });
  }
}
