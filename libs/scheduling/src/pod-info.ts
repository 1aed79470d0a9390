import type { V1Pod, V1PodAffinityTerm, V1Toleration, V1TopologySpreadConstraint } from '@kubernetes/client-node';
import { labelSelector, Labels, mapSelector, NodeFields, nodeSelectorTerm, NodeSelectorMatcher, nodeSelectorTerms, Selector } from './label-selector';
import { podRequests, Resources } from './resources';

export interface HostPort {
  readonly ip: string;
  readonly protocol: string;
  readonly port: number;
}

/** A pod (anti-)affinity term with its selectors compiled. */
export interface AffinityTerm {
  readonly topologyKey: string;
  readonly selector: Selector;
  /** Explicit namespaces (or the pod's own when neither namespaces nor namespaceSelector is set). */
  readonly namespaces: ReadonlySet<string>;
  /** `undefined` when the term has no namespaceSelector; `{}` selects every namespace. */
  readonly namespaceSelector: Selector | undefined;
}

export interface WeightedAffinityTerm extends AffinityTerm {
  readonly weight: number;
}

export type NamespaceLabels = (namespace: string) => Labels | undefined;

/** Does `pod` fall under `term` (namespace and label selector)? */
export function termMatches(term: AffinityTerm, pod: PodInfo, nsLabels: NamespaceLabels): boolean {
  if (!term.namespaces.has(pod.namespace)) {
    if (!term.namespaceSelector) return false;
    if (!term.namespaceSelector.empty && !term.namespaceSelector.matches(nsLabels(pod.namespace))) return false;
  }
  return term.selector.matches(pod.labels);
}

export interface PreferredNodeTerm {
  readonly weight: number;
  readonly matcher: NodeSelectorMatcher;
}

/**
 * Everything the plugins need from a pod, computed once: for the pod being scheduled once
 * per cycle, for bound pods once when they enter the snapshot.
 */
export interface PodInfo {
  readonly key: string;
  readonly namespace: string;
  readonly name: string;
  readonly pod: V1Pod;
  readonly labels: Labels;
  readonly nodeName: string | undefined;
  readonly requests: Resources;
  readonly nonZeroMilliCpu: number;
  readonly nonZeroMemory: number;
  /** Does any of cpu/memory/ephemeral-storage/scalar have a non-zero request? */
  readonly requestsAnything: boolean;
  readonly hostPorts: readonly HostPort[];
  readonly tolerations: readonly V1Toleration[];
  readonly nodeSelector: Selector | undefined;
  readonly requiredNodeAffinity: NodeSelectorMatcher | undefined;
  readonly preferredNodeAffinity: readonly PreferredNodeTerm[];
  readonly requiredAffinity: readonly AffinityTerm[];
  readonly requiredAntiAffinity: readonly AffinityTerm[];
  readonly preferredAffinity: readonly WeightedAffinityTerm[];
  readonly preferredAntiAffinity: readonly WeightedAffinityTerm[];
  readonly spreadConstraints: readonly V1TopologySpreadConstraint[];
  /** `namespace/controller-uid` of the ReplicaSet/StatefulSet/ReplicationController/Job owning the pod. */
  readonly ownerKey: string | undefined;
  readonly priority: number;
}

export const podKey = (pod: V1Pod): string =>
  pod.metadata?.uid || `${pod.metadata?.namespace ?? 'default'}/${pod.metadata?.name ?? ''}`;

function affinityTerm(pod: V1Pod, t: V1PodAffinityTerm): AffinityTerm {
  const own = pod.metadata?.namespace ?? 'default';
  const namespaces = new Set(t.namespaces ?? []);
  if (namespaces.size === 0 && !t.namespaceSelector) namespaces.add(own);
  return {
    topologyKey: t.topologyKey,
    selector: labelSelector(t.labelSelector),
    namespaces,
    namespaceSelector: t.namespaceSelector ? labelSelector(t.namespaceSelector) : undefined,
  };
}

const SPREAD_OWNER_KINDS = new Set(['ReplicaSet', 'StatefulSet', 'ReplicationController']);

/** Build the precomputed view of a pod. */
export function podInfo(pod: V1Pod): PodInfo {
  const spec = pod.spec;
  const namespace = pod.metadata?.namespace ?? 'default';
  const { requests, nonZeroMilliCpu, nonZeroMemory } = podRequests(pod);
  const hostPorts: HostPort[] = [];
  const portContainers = [...(spec?.containers ?? []), ...(spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')];
  for (const c of portContainers)
    for (const p of c.ports ?? [])
      if (p.hostPort && p.hostPort > 0) hostPorts.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort });

  const na = spec?.affinity?.nodeAffinity;
  const required = na?.requiredDuringSchedulingIgnoredDuringExecution;
  const pa = spec?.affinity?.podAffinity;
  const paa = spec?.affinity?.podAntiAffinity;
  const owner = (pod.metadata?.ownerReferences ?? []).find((o) => o.controller && SPREAD_OWNER_KINDS.has(o.kind));
  return {
    key: podKey(pod),
    namespace,
    name: pod.metadata?.name ?? '',
    pod,
    labels: pod.metadata?.labels ?? {},
    nodeName: spec?.nodeName || undefined,
    requests,
    nonZeroMilliCpu,
    nonZeroMemory,
    requestsAnything: requests.milliCpu > 0 || requests.memory > 0 || requests.ephemeralStorage > 0 || [...requests.scalar.values()].some((v) => v > 0),
    hostPorts,
    tolerations: spec?.tolerations ?? [],
    nodeSelector: spec?.nodeSelector && Object.keys(spec.nodeSelector).length > 0 ? mapSelector(spec.nodeSelector) : undefined,
    requiredNodeAffinity: required ? nodeSelectorTerms(required.nodeSelectorTerms ?? []) : undefined,
    preferredNodeAffinity: (na?.preferredDuringSchedulingIgnoredDuringExecution ?? [])
      .filter((p) => p.weight !== 0)
      .map((p) => ({ weight: p.weight, matcher: nodeSelectorTerm(p.preference) })),
    requiredAffinity: (pa?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => affinityTerm(pod, t)),
    requiredAntiAffinity: (paa?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => affinityTerm(pod, t)),
    preferredAffinity: (pa?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w) => ({ ...affinityTerm(pod, w.podAffinityTerm), weight: w.weight })),
    preferredAntiAffinity: (paa?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w) => ({ ...affinityTerm(pod, w.podAffinityTerm), weight: w.weight })),
    spreadConstraints: spec?.topologySpreadConstraints ?? [],
    ownerKey: owner ? `${namespace}/${owner.uid || `${owner.kind}/${owner.name}`}` : undefined,
    priority: spec?.priority ?? 0,
  };
}

/** The pod's required node affinity and nodeSelector together (NodeAffinity filter semantics). */
export function matchesRequiredNodeAffinity(pod: PodInfo, node: NodeFields): boolean {
  if (pod.nodeSelector && !pod.nodeSelector.matches(node.labels)) return false;
  if (pod.requiredNodeAffinity && !pod.requiredNodeAffinity.matches(node)) return false;
  return true;
}

export const hasPodAffinity = (p: PodInfo): boolean =>
  p.requiredAffinity.length + p.requiredAntiAffinity.length + p.preferredAffinity.length + p.preferredAntiAffinity.length > 0;
