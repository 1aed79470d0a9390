import { describeServedGroup } from '../discovery/served-group';
import { METRICS_GROUP, METRICS_VERSION } from './metrics-path';

/**
 * How discovery shows the resource metrics API, as metrics-server's APIService makes kube-apiserver
 * show it: metrics.k8s.io/v1beta1 with `nodes` (cluster-scoped, NodeMetrics) and `pods` (namespaced,
 * PodMetrics), verbs get and list only, no singular name, short names or categories (so `kubectl get
 * nodes` and `get all` still mean the core kinds). `kubectl top` looks for this group.
 */
const metrics = describeServedGroup({
  group: METRICS_GROUP, version: METRICS_VERSION, verbs: ['get', 'list'],
  resources: [
    { name: 'nodes', kind: 'NodeMetrics', namespaced: false, singularName: '' },
    { name: 'pods', kind: 'PodMetrics', namespaced: true, singularName: '' },
  ],
});

export const metricsApiGroup = metrics.apiGroup;
export const metricsApiGroupDocument = metrics.apiGroupDocument;
export const metricsApiResourceList = metrics.apiResourceList;
export const metricsAggregatedGroup = metrics.aggregatedGroup;
