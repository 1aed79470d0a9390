import { historyApiResourceList } from '../history/history-discovery';
import { aggregatedDiscovery, apiGroupDocument, apiGroupList, apiResourceList, versionInfo } from './discovery';

describe('discovery', () => {
  it('lists the core group alone under /api and the named groups under /apis', () => {
    const core = aggregatedDiscovery(true);
    expect(core.items.map((i) => i.metadata.name)).toEqual(['']);
    const pods = core.items[0].versions[0].resources.find((r) => r.resource === 'pods')!;
    expect(pods).toMatchObject({ scope: 'Namespaced', shortNames: ['po'], categories: ['all'], singularResource: 'pod' });
    expect(pods.subresources.map((s) => s.subresource)).toEqual(expect.arrayContaining(['status', 'log', 'exec', 'binding']));
    const named = aggregatedDiscovery(false).items.map((i) => i.metadata.name);
    expect(named).toEqual(expect.arrayContaining(['apps', 'batch', 'coordination.k8s.io']));
    const deploy = aggregatedDiscovery(false).items.find((i) => i.metadata.name === 'apps')!.versions[0].resources.find((r) => r.resource === 'deployments')!;
    expect(deploy.subresources.find((s) => s.subresource === 'scale')!.responseKind).toEqual({ group: 'autoscaling', version: 'v1', kind: 'Scale' });
  });
  it('serves autoscaling/v2 only (the v1 create kubectl autoscale posts is converted, not discovered), hpa in the "all" category', () => {
    const autoscaling = aggregatedDiscovery(false).items.find((i) => i.metadata.name === 'autoscaling')!;
    expect(autoscaling.versions.map((v) => v.version)).toEqual(['v2']);
    expect(autoscaling.versions[0].resources[0]).toMatchObject({
      resource: 'horizontalpodautoscalers', scope: 'Namespaced', shortNames: ['hpa'], categories: ['all'], singularResource: 'horizontalpodautoscaler',
      responseKind: { group: 'autoscaling', version: 'v2', kind: 'HorizontalPodAutoscaler' },
    });
    expect(autoscaling.versions[0].resources[0].subresources.map((s) => s.subresource)).toEqual(['status']);
    expect(apiGroupList().groups.find((g) => g.name === 'autoscaling')!.preferredVersion).toEqual({ groupVersion: 'autoscaling/v2', version: 'v2' });
    expect(apiResourceList('autoscaling', 'v1')).toBeUndefined();
  });
  it('serves legacy lists with subresources as separate entries', () => {
    expect(apiGroupList().groups.find((g) => g.name === 'apps')!.preferredVersion).toEqual({ groupVersion: 'apps/v1', version: 'v1' });
    const apps = apiResourceList('apps', 'v1')!;
    expect(apps.resources.find((r) => r.name === 'deployments/scale')).toMatchObject({ group: 'autoscaling', version: 'v1', kind: 'Scale' });
    expect(apiResourceList('apps', 'v2')).toBeUndefined();
    expect(apiResourceList('', 'v1')!.resources.find((r) => r.name === 'namespaces')).toMatchObject({ namespaced: false, shortNames: ['ns'] });
  });
  it('adds the history API as a group of get-only resources, never under /api', () => {
    expect(aggregatedDiscovery(true).items.map((i) => i.metadata.name)).not.toContain('history.wake.dev');
    const history = aggregatedDiscovery(false).items.at(-1)!;
    expect(history.metadata.name).toBe('history.wake.dev');
    expect(history.versions[0].resources.map((r) => [r.resource, r.scope, r.verbs])).toEqual([
      ['state', 'Namespaced', ['get']], ['timeline', 'Namespaced', ['get']], ['export', 'Namespaced', ['get']],
    ]);
    expect(apiGroupList().groups.at(-1)).toEqual({
      name: 'history.wake.dev', versions: [{ groupVersion: 'history.wake.dev/v1', version: 'v1' }], preferredVersion: { groupVersion: 'history.wake.dev/v1', version: 'v1' },
    });
    expect(historyApiResourceList().resources.every((r) => !r.verbs.includes('list'))).toBe(true);
  });
  it('lists the self-review resources kubectl auth can-i/whoami post to as create-only, cluster-scoped', () => {
    const named = aggregatedDiscovery(false).items;
    const authz = named.find((i) => i.metadata.name === 'authorization.k8s.io')!;
    expect(authz.versions[0].resources.map((r) => [r.resource, r.scope, r.verbs])).toEqual([
      ['selfsubjectaccessreviews', 'Cluster', ['create']], ['selfsubjectrulesreviews', 'Cluster', ['create']],
    ]);
    expect(named.some((i) => i.metadata.name === 'authentication.k8s.io')).toBe(true);
    expect(apiGroupList().groups.map((g) => g.name)).toEqual(expect.arrayContaining(['authorization.k8s.io', 'authentication.k8s.io']));
    expect(apiResourceList('authentication.k8s.io', 'v1')!.resources).toEqual([
      { name: 'selfsubjectreviews', singularName: 'selfsubjectreview', namespaced: false, kind: 'SelfSubjectReview', verbs: ['create'] },
    ]);
    expect(apiGroupDocument('authorization.k8s.io')).toMatchObject({ kind: 'APIGroup', name: 'authorization.k8s.io' });
  });
  it('lists the resource metrics API kubectl top looks for: pods and nodes, get and list, never under /api', () => {
    expect(aggregatedDiscovery(true).items.map((i) => i.metadata.name)).not.toContain('metrics.k8s.io');
    const metrics = aggregatedDiscovery(false).items.find((i) => i.metadata.name === 'metrics.k8s.io')!;
    expect(metrics.versions[0].resources.map((r) => [r.resource, r.scope, r.verbs])).toEqual([
      ['nodes', 'Cluster', ['get', 'list']], ['pods', 'Namespaced', ['get', 'list']],
    ]);
    expect(apiGroupList().groups.find((g) => g.name === 'metrics.k8s.io')!.preferredVersion).toEqual({ groupVersion: 'metrics.k8s.io/v1beta1', version: 'v1beta1' });
  });
  it('reports Kubernetes 1.32', () => {
    expect(versionInfo()).toMatchObject({ major: '1', minor: '32' });
  });
});
