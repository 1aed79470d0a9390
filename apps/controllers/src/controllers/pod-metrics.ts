import { parseQuantity } from '@wake/api';
import type { MetricsSnapshot } from '@wake/node-api';
import type { Pod, PodMetric } from '@wake/reconcilers';

const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 1e-3, 'µs': 1e-3, ns: 1e-6 };

/** A Go duration as metrics.k8s.io's `window` prints it ("15.003s", "1m0.5s") in milliseconds; 0 when it does not parse. */
export function goDurationMs(text: string): number {
  let ms = 0;
  let rest = text;
  const part = /^(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/;
  while (rest) {
    const m = part.exec(rest);
    if (!m) return 0;
    ms += Number(m[1]) * UNIT_MS[m[2]];
    rest = rest.slice(m[0].length);
  }
  return ms;
}

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
    const m = pod.metadata;
    const entry = snap?.pods.find((p) => p.namespace === m?.namespace && p.name === m?.name && (!p.uid || !m?.uid || p.uid === m.uid));
    if (!snap || !entry) continue;
    out.set(m?.name ?? '', {
      cpuMilli: entry.containers.reduce((n, c) => n + milli(c.usage.cpu), 0),
      memoryMilli: entry.containers.reduce((n, c) => n + milli(c.usage.memory), 0),
      timestamp: Date.parse(snap.timestamp),
      windowMs: goDurationMs(snap.window),
    });
  }
  return out;
}
