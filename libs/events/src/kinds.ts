/**
 * The kinds of object Wake stores, with the facts the log, the projection and the
 * gateway need about each: where it lives in the API, whether it is namespaced, and
 * which name rule applies (Kubernetes validates most names as DNS subdomains, a few
 * as DNS labels).
 */
export type NameRule = 'dns-subdomain' | 'dns-label' | 'path-segment';

export interface KindInfo {
  readonly kind: string;
  readonly group: string; // '' for the core group
  readonly version: string;
  readonly plural: string;
  readonly singular: string;
  readonly namespaced: boolean;
  readonly shortNames: readonly string[];
  readonly nameRule: NameRule;
  readonly subresources: readonly string[];
}

const kinds: KindInfo[] = [
  k('Namespace', '', 'v1', 'namespaces', false, ['ns'], 'dns-label', ['status', 'finalize']),
  k('Node', '', 'v1', 'nodes', false, ['no'], 'dns-subdomain', ['status']),
  k('Pod', '', 'v1', 'pods', true, ['po'], 'dns-subdomain', ['status', 'binding', 'log', 'exec', 'attach', 'portforward', 'eviction']),
  k('ConfigMap', '', 'v1', 'configmaps', true, ['cm'], 'dns-subdomain', []),
  k('Secret', '', 'v1', 'secrets', true, [], 'dns-subdomain', []),
  k('Service', '', 'v1', 'services', true, ['svc'], 'dns-label', ['status']),
  k('Endpoints', '', 'v1', 'endpoints', true, ['ep'], 'dns-subdomain', []),
  k('Event', '', 'v1', 'events', true, ['ev'], 'dns-subdomain', []),
  k('ServiceAccount', '', 'v1', 'serviceaccounts', true, ['sa'], 'dns-subdomain', []),
  k('Deployment', 'apps', 'v1', 'deployments', true, ['deploy'], 'dns-subdomain', ['status', 'scale']),
  k('ReplicaSet', 'apps', 'v1', 'replicasets', true, ['rs'], 'dns-subdomain', ['status', 'scale']),
  k('DaemonSet', 'apps', 'v1', 'daemonsets', true, ['ds'], 'dns-subdomain', ['status']),
  k('StatefulSet', 'apps', 'v1', 'statefulsets', true, ['sts'], 'dns-subdomain', ['status', 'scale']),
  k('ControllerRevision', 'apps', 'v1', 'controllerrevisions', true, [], 'dns-subdomain', []),
  k('Job', 'batch', 'v1', 'jobs', true, [], 'dns-subdomain', ['status']),
  k('CronJob', 'batch', 'v1', 'cronjobs', true, ['cj'], 'dns-subdomain', ['status']),
  k('Lease', 'coordination.k8s.io', 'v1', 'leases', true, [], 'dns-subdomain', []),
  k('EndpointSlice', 'discovery.k8s.io', 'v1', 'endpointslices', true, [], 'dns-subdomain', []),
  k('PersistentVolumeClaim', '', 'v1', 'persistentvolumeclaims', true, ['pvc'], 'dns-subdomain', ['status']),
  k('PodDisruptionBudget', 'policy', 'v1', 'poddisruptionbudgets', true, ['pdb'], 'dns-subdomain', ['status']),
  k('HorizontalPodAutoscaler', 'autoscaling', 'v2', 'horizontalpodautoscalers', true, ['hpa'], 'dns-subdomain', ['status']),
  // Service allocations, one object per allocated value so that create-if-absent on its subject makes it unique:
  // a ClusterIP is an IPAddress named by the IP (as Kubernetes 1.32's MultiCIDRServiceAllocator stores them),
  k('IPAddress', 'networking.k8s.io', 'v1beta1', 'ipaddresses', false, ['ip'], 'dns-subdomain', []),
  // a NodePort is a Wake-internal NodePortAllocation named by the port number (Kubernetes keeps a bitmap instead).
  k('NodePortAllocation', 'internal.wake.dev', 'v1alpha1', 'nodeportallocations', false, [], 'dns-subdomain', []),
];

function k(
  kind: string, group: string, version: string, plural: string, namespaced: boolean,
  shortNames: string[], nameRule: NameRule, subresources: string[],
): KindInfo {
  return { kind, group, version, plural, singular: kind.toLowerCase(), namespaced, shortNames, nameRule, subresources };
}

const byKind = new Map(kinds.map((i) => [i.kind, i]));

export const KINDS: readonly KindInfo[] = kinds;

export function kindInfo(kind: string): KindInfo | undefined {
  return byKind.get(kind);
}

export function apiVersionOf(info: KindInfo): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

/** Finds a kind by its group and plural resource name, as the REST paths name them. */
export function kindByResource(group: string, plural: string): KindInfo | undefined {
  return kinds.find((i) => i.group === group && i.plural === plural);
}
