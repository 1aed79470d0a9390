import type { KubeObject } from '@wake/events';
import type { MetricsSnapshot } from '@wake/node-api';
import { metricsNotFound, nodeMetricsItem, nodeMetricsList, nodeMetricsOf, podMetricsList, podMetricsOf } from './metrics-documents';
import { metricsAggregatedGroup, metricsApiResourceList } from './metrics-discovery';

const now = new Date('2026-01-01T00:01:00Z');
const snap: MetricsSnapshot = {
  node: 'node-a', timestamp: '2026-01-01T00:00:45.000Z', windowSeconds: 15.002, usage: { cpu: '250m', memory: '1Gi' },
  pods: [{ namespace: 'default', name: 'solo', uid: 'u1', containers: [{ name: 'main', usage: { cpu: '1m', memory: '10Mi' } }] }],
};
const pod = (name: string, uid: string, labels?: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid, labels } }) as KubeObject;
const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-a', labels: { 'kubernetes.io/hostname': 'node-a' } } } as KubeObject;

describe('metrics.k8s.io documents', () => {
  it('builds a PodMetricsList as metrics-server does', () => {
    const items = [podMetricsOf(pod('solo', 'u1', { app: 'x' }), snap, now)!];
    expect(podMetricsList(items)).toEqual({
      kind: 'PodMetricsList', apiVersion: 'metrics.k8s.io/v1beta1', metadata: {},
      items: [{
        metadata: { name: 'solo', namespace: 'default', creationTimestamp: '2026-01-01T00:01:00.000Z', labels: { app: 'x' } },
        timestamp: '2026-01-01T00:00:45.000Z', window: '15.002s', containers: [{ name: 'main', usage: { cpu: '1m', memory: '10Mi' } }],
      }],
    });
  });

  it('matches pods by uid: a recreated pod of the same name has no metrics yet', () => {
    expect(podMetricsOf(pod('solo', 'u2'), snap, now)).toBeUndefined();
    expect(podMetricsOf(pod('solo', 'u1'), undefined, now)).toBeUndefined();
  });

  it('builds NodeMetrics, and none for a node whose agent has no usage', () => {
    const m = nodeMetricsOf(node, snap, now)!;
    expect(nodeMetricsList([m])).toEqual({
      kind: 'NodeMetricsList', apiVersion: 'metrics.k8s.io/v1beta1', metadata: {},
      items: [{ metadata: { name: 'node-a', creationTimestamp: '2026-01-01T00:01:00.000Z', labels: { 'kubernetes.io/hostname': 'node-a' } }, timestamp: snap.timestamp, window: '15.002s', usage: { cpu: '250m', memory: '1Gi' } }],
    });
    expect(nodeMetricsItem(m)).toMatchObject({ kind: 'NodeMetrics', apiVersion: 'metrics.k8s.io/v1beta1', usage: { cpu: '250m' } });
    expect(nodeMetricsOf(node, { ...snap, usage: undefined }, now)).toBeUndefined();
  });

  it('answers an unknown pod with the 404 metrics-server gives', () => {
    expect(metricsNotFound('podmetrics', 'x')).toEqual({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404,
      message: 'podmetrics.metrics.k8s.io "x" not found', details: { name: 'x', group: 'metrics.k8s.io', kind: 'podmetrics' },
    });
  });

  it('lists pods (namespaced) and nodes (cluster) with get and list only', () => {
    expect(metricsApiResourceList()).toEqual({
      kind: 'APIResourceList', apiVersion: 'v1', groupVersion: 'metrics.k8s.io/v1beta1',
      resources: [
        { name: 'nodes', singularName: '', namespaced: false, kind: 'NodeMetrics', verbs: ['get', 'list'] },
        { name: 'pods', singularName: '', namespaced: true, kind: 'PodMetrics', verbs: ['get', 'list'] },
      ],
    });
    expect(metricsAggregatedGroup().versions[0].resources.map((r) => [r.resource, r.scope, r.responseKind.kind])).toEqual([
      ['nodes', 'Cluster', 'NodeMetrics'], ['pods', 'Namespaced', 'PodMetrics'],
    ]);
  });
});
