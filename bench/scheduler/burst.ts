import type { EventLog, KubeObject } from '@wake/events';
import type { Actor, ObjectStore } from '@wake/store';
import { Latency } from '../support/latency';
import { benchPod } from './pure-pipeline';

export interface BurstResult {
  readonly pods: number;
  readonly createConcurrency: number;
  /** First creation request → last binding observed. */
  readonly makespanMs: number;
  readonly endToEndPodsPerSec: number;
  /** Pods created per second (ObjectStore.create, acknowledged). */
  readonly createPodsPerSec: number;
  /** Bindings per second between the first and the last binding observed. */
  readonly bindPodsPerSec: number;
  /** Creation acknowledged → Pod.Bound observed on a watch of the log, per pod. */
  readonly latencyMs: { readonly p50: number; readonly p90: number; readonly p99: number; readonly max: number };
}

const admin: Actor = { type: 'user', name: 'bench' };

/**
 * Creates `pods` pods through ObjectStore (the gateway's write path) with `concurrency` creations
 * in flight (as fast as they go, or paced at `ratePerSec`), while watching the log for their
 * Pod.Bound events.
 */
export async function burst(log: EventLog, store: ObjectStore, opts: { pods: number; concurrency: number; timeoutMs: number; offset?: number; ratePerSec?: number }): Promise<BurstResult> {
  const offset = opts.offset ?? 0;
  const createdAt = new Map<string, number>();
  const boundAt = new Map<string, number>();
  const watch = await log.watch({ afterSeq: await log.lastSeq(), filter: { kind: 'Pod' } });
  const watching = (async () => {
    for await (const e of watch) {
      if (e.type !== 'Pod.Bound' || boundAt.has(e.name)) continue;
      boundAt.set(e.name, performance.now());
      if (boundAt.size === opts.pods) return;
    }
  })();
  const t0 = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < opts.pods) {
      const i = next++;
      if (opts.ratePerSec) {
        const due = t0 + (i * 1000) / opts.ratePerSec - performance.now();
        if (due > 0) await new Promise((r) => setTimeout(r, due));
      }
      const pod = benchPod(offset + i) as unknown as KubeObject;
      await store.create(pod, { actor: admin });
      createdAt.set(pod.metadata.name, performance.now());
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const tCreated = performance.now();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([watching, new Promise((r) => (timer = setTimeout(r, opts.timeoutMs)))]);
  clearTimeout(timer);
  await watch.close();
  if (boundAt.size < opts.pods) throw new Error(`only ${boundAt.size}/${opts.pods} pods were bound within ${opts.timeoutMs} ms`);

  const latency = new Latency();
  let first = Infinity;
  let last = 0;
  for (const [name, at] of boundAt) {
    first = Math.min(first, at);
    last = Math.max(last, at);
    latency.record((at - (createdAt.get(name) ?? at)) * 1000);
  }
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    pods: opts.pods,
    createConcurrency: opts.concurrency,
    makespanMs: Math.round(last - t0),
    endToEndPodsPerSec: Math.round((opts.pods / (last - t0)) * 1000),
    createPodsPerSec: Math.round((opts.pods / (tCreated - t0)) * 1000),
    bindPodsPerSec: Math.round((opts.pods / Math.max(1, last - first)) * 1000),
    latencyMs: { p50: round(latency.ms(50)), p90: round(latency.ms(90)), p99: round(latency.ms(99)), max: round(latency.ms(100)) },
  };
}
