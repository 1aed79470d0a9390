import { parseQuantity } from '@wake/api';
import { podUsageIn, type MetricsSnapshot } from '@wake/node-api';
import type { Pod, PodMetric } from '@wake/reconcilers';

const milli = (q: string) => Math.ceil((parseQuantity(q) ?? 0) * 1000 - 1e-9);

/**
 * The autoscaler's samples from the node agents' snapshots: by pod name, for the pods given (same
 * namespace, name and — when both know it — uid), usage summed over containers as metrics-server does.
 */
export function podMetricsOf(pods: readonly Pod[], snapshots: ReadonlyMap<string, MetricsSnapshot>): Map<string, PodMetric> {
  const out = new Map<string, PodMetric>();
  for (const pod of pods) {
    const node = pod.spec?.nodeName;
    const snap = node ? snapshots.get(node) : undefined;
    const entry = podUsageIn(snap, pod.metadata ?? {});
    if (!snap || !entry) continue;
    out.set(pod.metadata?.name ?? '', {
      cpuMilli: entry.containers.reduce((n, c) => n + milli(c.usage.cpu), 0),
      memoryMilli: entry.containers.reduce((n, c) => n + milli(c.usage.memory), 0),
      timestamp: Date.parse(snap.timestamp),
      windowMs: snap.windowSeconds * 1000,
    });
  }
  return out;
}
