import { parseMetricsPath } from './metrics-path';

describe('parseMetricsPath', () => {
  it.each([
    ['/apis/metrics.k8s.io', { type: 'group' }],
    ['/apis/metrics.k8s.io/', { type: 'group' }],
    ['/apis/metrics.k8s.io/v1beta1', { type: 'version' }],
    ['/apis/metrics.k8s.io/v1beta1/nodes', { type: 'nodes' }],
    ['/apis/metrics.k8s.io/v1beta1/nodes/node-a', { type: 'nodes', name: 'node-a' }],
    ['/apis/metrics.k8s.io/v1beta1/pods', { type: 'pods' }],
    ['/apis/metrics.k8s.io/v1beta1/namespaces/default/pods', { type: 'pods', namespace: 'default' }],
    ['/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/web-1', { type: 'pods', namespace: 'default', name: 'web-1' }],
    ['/apis/metrics.k8s.io/v1', { type: 'unknown' }],
    ['/apis/metrics.k8s.io/v1beta1/pods/web-1', { type: 'unknown' }],
    ['/apis/metrics.k8s.io/v1beta1/namespaces/default/nodes', { type: 'unknown' }],
    ['/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/web-1/log', { type: 'unknown' }],
    ['/apis/metrics.k8s.io/v1beta1/widgets', { type: 'unknown' }],
  ])('%s', (path, want) => expect(parseMetricsPath(path)).toEqual(want));

  it('leaves every other path alone', () => {
    expect(parseMetricsPath('/apis/apps/v1')).toBeUndefined();
    expect(parseMetricsPath('/apis/metrics.k8s.iox/v1beta1')).toBeUndefined();
    expect(parseMetricsPath('/api/v1/pods')).toBeUndefined();
  });
});
