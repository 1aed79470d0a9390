import { METRICS_API_VERSION, METRICS_GROUP, METRICS_VERSION } from './metrics-path';

/**
 * How discovery shows the resource metrics API, as metrics-server's APIService makes kube-apiserver
 * show it: metrics.k8s.io/v1beta1 with `nodes` (cluster-scoped, NodeMetrics) and `pods` (namespaced,
 * PodMetrics), verbs get and list only, no singular name, short names or categories (so `kubectl get
 * nodes` and `get all` still mean the core kinds). `kubectl top` looks for this group.
 */
const RESOURCES = [
  { name: 'nodes', kind: 'NodeMetrics', namespaced: false },
  { name: 'pods', kind: 'PodMetrics', namespaced: true },
] as const;

const VERBS = ['get', 'list'];
const groupVersion = { groupVersion: METRICS_API_VERSION, version: METRICS_VERSION };

/** The entry of /apis (APIGroupList). */
export function metricsApiGroup() {
  return { name: METRICS_GROUP, versions: [groupVersion], preferredVersion: groupVersion };
}

/** GET /apis/metrics.k8s.io */
export function metricsApiGroupDocument() {
  return { kind: 'APIGroup', apiVersion: 'v1', ...metricsApiGroup() };
}

/** GET /apis/metrics.k8s.io/v1beta1 */
export function metricsApiResourceList() {
  return {
    kind: 'APIResourceList', apiVersion: 'v1', groupVersion: METRICS_API_VERSION,
    resources: RESOURCES.map((r) => ({ name: r.name, singularName: '', namespaced: r.namespaced, kind: r.kind, verbs: VERBS })),
  };
}

/** The item of aggregated discovery (/apis, apidiscovery.k8s.io/v2). */
export function metricsAggregatedGroup() {
  return {
    metadata: { name: METRICS_GROUP },
    versions: [{
      version: METRICS_VERSION, freshness: 'Current',
      resources: RESOURCES.map((r) => ({
        resource: r.name, responseKind: { group: METRICS_GROUP, version: METRICS_VERSION, kind: r.kind },
        scope: r.namespaced ? 'Namespaced' : 'Cluster', singularResource: '', verbs: VERBS, subresources: [] as never[],
      })),
    }],
  };
}
