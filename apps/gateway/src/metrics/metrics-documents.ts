import type { KubeObject } from '@wake/events';
import { formatGoDuration, podUsageIn, type MetricsSnapshot, type PodUsage, type Usage } from '@wake/node-api';
import { failure, type Status } from '../http/status';
import { METRICS_API_VERSION, METRICS_GROUP } from './metrics-path';

/**
 * The metrics.k8s.io/v1beta1 shapes, as metrics-server answers them: metadata from the object
 * (name, namespace, labels; creationTimestamp is the time of the answer), `timestamp` and
 * `window` from the sample, usage as quantities.
 */
export interface NodeMetrics {
  readonly metadata: { readonly name: string; readonly creationTimestamp: string; readonly labels?: Readonly<Record<string, string>> };
  readonly timestamp: string;
  readonly window: string;
  readonly usage: Usage;
}

export interface PodMetrics {
  readonly metadata: { readonly name: string; readonly namespace: string; readonly creationTimestamp: string; readonly labels?: Readonly<Record<string, string>> };
  readonly timestamp: string;
  readonly window: string;
  readonly containers: PodUsage['containers'];
}

const labelsOf = (o: KubeObject) => (o.metadata.labels && Object.keys(o.metadata.labels).length ? { labels: o.metadata.labels } : {});

/** The node's metrics, or undefined when its agent had none (no answer yet, or the host unreadable). */
export function nodeMetricsOf(node: KubeObject, snap: MetricsSnapshot | undefined, now: Date): NodeMetrics | undefined {
  if (!snap?.usage) return undefined;
  return {
    metadata: { name: node.metadata.name, creationTimestamp: now.toISOString(), ...labelsOf(node) },
    timestamp: snap.timestamp, window: formatGoDuration(snap.windowSeconds), usage: snap.usage,
  };
}

/** The pod's metrics from its node's snapshot (matched by uid: a recreated pod of the same name is another pod). */
export function podMetricsOf(pod: KubeObject, snap: MetricsSnapshot | undefined, now: Date): PodMetrics | undefined {
  const usage = podUsageIn(snap, pod.metadata);
  if (!snap || !usage) return undefined;
  return {
    metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace ?? 'default', creationTimestamp: now.toISOString(), ...labelsOf(pod) },
    timestamp: snap.timestamp, window: formatGoDuration(snap.windowSeconds), containers: usage.containers,
  };
}

export const nodeMetricsList = (items: readonly NodeMetrics[]) => ({ kind: 'NodeMetricsList', apiVersion: METRICS_API_VERSION, metadata: {}, items });
export const podMetricsList = (items: readonly PodMetrics[]) => ({ kind: 'PodMetricsList', apiVersion: METRICS_API_VERSION, metadata: {}, items });
export const nodeMetricsItem = (m: NodeMetrics) => ({ kind: 'NodeMetrics', apiVersion: METRICS_API_VERSION, ...m });
export const podMetricsItem = (m: PodMetrics) => ({ kind: 'PodMetrics', apiVersion: METRICS_API_VERSION, ...m });

/** metrics-server's 404: `podmetrics.metrics.k8s.io "x" not found`. */
export function metricsNotFound(resource: 'podmetrics' | 'nodemetrics', name: string): Status {
  return failure(404, 'NotFound', `${resource}.${METRICS_GROUP} "${name}" not found`, { name, group: METRICS_GROUP, kind: resource });
}
