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
  /** Between the two samples the rates are computed over, as Go prints a duration ("15.003s"): metrics.k8s.io's `window`. */
  readonly window: string;
  /** The node as a whole; absent when the host could not be read. */
  readonly usage?: Usage;
  /** Pods whose every running container has two samples. */
  readonly pods: readonly PodUsage[];
}
