import { badRequest, HttpError } from '../http/status';

export const METRICS_GROUP = 'metrics.k8s.io';
export const METRICS_VERSION = 'v1beta1';
export const METRICS_API_VERSION = `${METRICS_GROUP}/${METRICS_VERSION}`;
const GROUP_PATH = `/apis/${METRICS_GROUP}`;

/** What a path under /apis/metrics.k8s.io names. */
export type MetricsPath =
  | { readonly type: 'group' }
  | { readonly type: 'version' }
  | { readonly type: 'nodes'; readonly name?: string }
  | { readonly type: 'pods'; readonly namespace?: string; readonly name?: string }
  | { readonly type: 'unknown' };

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(badRequest(`malformed path segment "${segment}"`));
  }
}

/**
 * Parses a path of the resource metrics API (what metrics-server serves), or undefined outside it:
 *
 *   /apis/metrics.k8s.io                                         APIGroup
 *   /apis/metrics.k8s.io/v1beta1                                 APIResourceList
 *   /apis/metrics.k8s.io/v1beta1/nodes[/{name}]                  NodeMetrics(List)
 *   /apis/metrics.k8s.io/v1beta1/pods                            PodMetricsList, every namespace
 *   /apis/metrics.k8s.io/v1beta1/namespaces/{ns}/pods[/{name}]   PodMetrics(List)
 */
export function parseMetricsPath(pathname: string): MetricsPath | undefined {
  const path = pathname.replace(/\/+$/, '');
  if (path !== GROUP_PATH && !path.startsWith(`${GROUP_PATH}/`)) return undefined;
  const parts = path.slice(GROUP_PATH.length).split('/').filter(Boolean).map(decode);
  if (parts.length === 0) return { type: 'group' };
  if (parts[0] !== METRICS_VERSION) return { type: 'unknown' };
  const [resource, name, ...rest] = parts[1] === 'namespaces' ? parts.slice(3) : parts.slice(1);
  if (parts.length === 1) return { type: 'version' };
  if (rest.length) return { type: 'unknown' };
  const named = name !== undefined ? { name } : {};
  if (parts[1] === 'namespaces') {
    return parts[2] && resource === 'pods' ? { type: 'pods', namespace: parts[2], ...named } : { type: 'unknown' };
  }
  if (resource === 'nodes') return { type: 'nodes', ...named };
  // A pod by name needs its namespace, as in metrics-server.
  if (resource === 'pods' && name === undefined) return { type: 'pods' };
  return { type: 'unknown' };
}
