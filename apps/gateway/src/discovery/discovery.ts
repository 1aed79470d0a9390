import { KINDS, type KindInfo } from '@wake/events';
import { historyAggregatedGroup, historyApiGroup } from '../history/history-discovery';
import { metricsAggregatedGroup, metricsApiGroup } from '../metrics/metrics-discovery';
import { reviewAggregatedGroups, reviewApiGroupDocument, reviewApiGroups, reviewApiResourceList } from './review-discovery';

/** Discovery documents built from the kinds registry (libs/events KINDS). */
const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const ALL_CATEGORY = new Set(['Pod', 'Service', 'Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob', 'HorizontalPodAutoscaler']);

export const AGGREGATED_CONTENT_TYPE = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

interface SubresourceFacts { readonly kind: string; readonly group: string; readonly version: string; readonly verbs: string[] }

function subresourceFacts(info: KindInfo, sub: string): SubresourceFacts {
  const self = { kind: info.kind, group: info.group, version: info.version };
  switch (sub) {
    case 'scale': return { kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] };
    case 'binding': return { kind: 'Binding', group: '', version: 'v1', verbs: ['create'] };
    case 'eviction': return { kind: 'Eviction', group: 'policy', version: 'v1', verbs: ['create'] };
    case 'log': return { ...self, verbs: ['get'] };
    case 'exec': return { kind: 'PodExecOptions', group: '', version: 'v1', verbs: ['create', 'get'] };
    case 'attach': return { kind: 'PodAttachOptions', group: '', version: 'v1', verbs: ['create', 'get'] };
    case 'portforward': return { kind: 'PodPortForwardOptions', group: '', version: 'v1', verbs: ['create', 'get'] };
    case 'finalize': return { ...self, verbs: ['update'] };
    default: return { ...self, verbs: ['get', 'patch', 'update'] };
  }
}

/** Group names in the order discovery lists them (core first). */
export function groups(): string[] {
  return [...new Set(KINDS.map((k) => k.group))];
}

function kindsOf(group: string): KindInfo[] {
  return KINDS.filter((k) => k.group === group);
}

function versionOf(group: string): string {
  return kindsOf(group)[0]?.version ?? 'v1';
}

function aggregatedResource(info: KindInfo) {
  return {
    resource: info.plural,
    responseKind: { group: info.group, version: info.version, kind: info.kind },
    scope: info.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: info.singular,
    verbs: VERBS,
    ...(info.shortNames.length ? { shortNames: [...info.shortNames] } : {}),
    ...(ALL_CATEGORY.has(info.kind) ? { categories: ['all'] } : {}),
    subresources: info.subresources.map((s) => {
      const f = subresourceFacts(info, s);
      return { subresource: s, responseKind: { group: f.group, version: f.version, kind: f.kind }, verbs: f.verbs };
    }),
  };
}

/** GET /api or /apis with `Accept: …v=v2;as=APIGroupDiscoveryList`. */
export function aggregatedDiscovery(legacy: boolean) {
  const gs = groups().filter((g) => (legacy ? g === '' : g !== ''));
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: 'apidiscovery.k8s.io/v2',
    metadata: {},
    items: [
      ...gs.map((g) => ({
        metadata: { name: g },
        versions: [{ version: versionOf(g), freshness: 'Current', resources: kindsOf(g).map(aggregatedResource) }],
      })),
      ...(legacy ? [] : reviewAggregatedGroups()),
      ...(legacy ? [] : [metricsAggregatedGroup()]),
      // Wake's own group last, after every Kubernetes group.
      ...(legacy ? [] : [historyAggregatedGroup()]),
    ],
  };
}

/** GET /api (legacy). */
export function apiVersions(serverAddress: string) {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

function apiGroup(g: string) {
  const gv = { groupVersion: `${g}/${versionOf(g)}`, version: versionOf(g) };
  return { name: g, versions: [gv], preferredVersion: gv };
}

/** GET /apis (legacy). */
export function apiGroupList() {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: [...groups().filter((g) => g !== '').map(apiGroup), ...reviewApiGroups(), metricsApiGroup(), historyApiGroup()] };
}

/** GET /apis/<group>, or undefined when Wake does not serve it. */
export function apiGroupDocument(group: string) {
  if (group === '' || !kindsOf(group).length) return reviewApiGroupDocument(group);
  return { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(group) };
}

/** GET /api/v1 or /apis/<g>/<v>: an APIResourceList with subresources as `pods/log` entries. */
export function apiResourceList(group: string, version: string) {
  const kinds = kindsOf(group).filter((k) => k.version === version);
  if (!kinds.length) return reviewApiResourceList(group, version);
  const resources = kinds.flatMap((info) => [
    {
      name: info.plural, singularName: info.singular, namespaced: info.namespaced, kind: info.kind, verbs: VERBS,
      ...(info.shortNames.length ? { shortNames: [...info.shortNames] } : {}),
      ...(ALL_CATEGORY.has(info.kind) ? { categories: ['all'] } : {}),
    },
    ...info.subresources.map((s) => {
      const f = subresourceFacts(info, s);
      const foreign = f.group !== info.group || f.version !== info.version;
      return { name: `${info.plural}/${s}`, singularName: '', namespaced: info.namespaced, ...(foreign ? { group: f.group, version: f.version } : {}), kind: f.kind, verbs: f.verbs };
    }),
  ]);
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}

/** GET /version: 1.32, so the kubectl dispatcher runs its built-in kubectl 1.32. */
export function versionInfo() {
  return {
    major: '1', minor: '32', gitVersion: 'v1.32.4-wake', gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean', buildDate: '2026-01-01T00:00:00Z', goVersion: 'go1.23.0', compiler: 'gc',
    platform: `${process.platform}/${process.arch === 'x64' ? 'amd64' : process.arch}`,
  };
}
