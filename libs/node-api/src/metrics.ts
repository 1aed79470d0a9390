import { encodeNode } from './protocol';

/**
 * Resource metrics (what `kubectl top` shows) travel outside the event log: each node agent
 * samples its pods' containers every few seconds and keeps only the latest snapshot in memory;
 * the gateway REQUESTs `metricsSubject(node)` (core NATS request/reply, empty body) and gets a
 * MetricsSnapshot back. Nothing is stored: a sample every 15 s per pod would swamp the log.
 *
 * Usage values are already Kubernetes quantities ("12m", "34Mi"): the metrics.k8s.io shapes
 * carry them as they are.
 */
export const metricsSubject = (node: string) => `wake.node.${encodeNode(node)}.metrics`;

/** A ResourceList of usage: CPU (cores, e.g. "250m") and memory working set (bytes, e.g. "64Mi"). */
export interface Usage {
  readonly cpu: string;
  readonly memory: string;
}

export interface ContainerUsage {
  readonly name: string;
  readonly usage: Usage;
}

export interface PodUsage {
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  readonly containers: readonly ContainerUsage[];
}

export interface MetricsSnapshot {
  readonly node: string;
  /** When the later of the two samples was taken (ISO time). */
  readonly timestamp: string;
  /** Seconds between the two samples the rates are computed over (metrics.k8s.io's `window`, see formatGoDuration). */
  readonly windowSeconds: number;
  /** The node as a whole; absent when the host could not be read. */
  readonly usage?: Usage;
  /** Pods whose every running container has two samples. */
  readonly pods: readonly PodUsage[];
}

/** One pod's usage in its node's snapshot: the same namespace, name and uid (a recreated pod of the same name is another pod). */
export function podUsageIn(snap: MetricsSnapshot | undefined, pod: { readonly namespace?: string; readonly name?: string; readonly uid?: string }): PodUsage | undefined {
  return snap?.pods.find((p) => p.uid === pod.uid && p.namespace === (pod.namespace ?? 'default') && p.name === pod.name);
}

/**
 * A duration as Go's time.Duration prints it (metav1.Duration, the metrics' `window`):
 * "15s", "2.005s", "1m0s", "1m30.5s", "0s"; millisecond precision.
 */
export function formatGoDuration(seconds: number): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  const secs = `${Number(s.toFixed(3))}s`;
  if (h) return `${h}h${m}m${secs}`;
  if (m) return `${m}m${secs}`;
  return secs;
}
