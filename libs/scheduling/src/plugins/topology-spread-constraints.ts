import type { V1LabelSelector, V1TopologySpreadConstraint } from '@kubernetes/client-node';
import { labelSelector, Selector } from '../label-selector';
import type { NodeInfo } from '../node-info';
import { matchesRequiredNodeAffinity, PodInfo } from '../pod-info';
import type { ClusterSnapshot } from '../snapshot';
import { toleratesTaint } from './tolerations';

export const HOSTNAME_KEY = 'kubernetes.io/hostname';
export const ZONE_KEY = 'topology.kubernetes.io/zone';

/** A topology spread constraint, compiled for one pod. */
export interface SpreadConstraint {
  readonly maxSkew: number;
  readonly topologyKey: string;
  readonly minDomains: number;
  readonly honorNodeAffinity: boolean;
  readonly honorNodeTaints: boolean;
  readonly selector: Selector;
  /** System-default constraints select the pods of the same controller (see PodInfo.ownerKey). */
  readonly ownerKey: string | undefined;
}

/** kube-scheduler's system defaults, applied to owned pods that declare no constraints. */
export const DEFAULT_SPREAD: readonly { topologyKey: string; maxSkew: number }[] = [
  { topologyKey: HOSTNAME_KEY, maxSkew: 3 },
  { topologyKey: ZONE_KEY, maxSkew: 5 },
];

export function compileConstraints(pod: PodInfo, when: 'DoNotSchedule' | 'ScheduleAnyway'): SpreadConstraint[] {
  return pod.spreadConstraints.filter((c) => c.whenUnsatisfiable === when).map((c) => compileConstraint(pod, c));
}

function compileConstraint(pod: PodInfo, c: V1TopologySpreadConstraint): SpreadConstraint {
  let sel: V1LabelSelector | undefined = c.labelSelector;
  const keys = (c.matchLabelKeys ?? []).filter((k) => pod.labels[k] !== undefined);
  if (sel && keys.length > 0)
    sel = { ...sel, matchExpressions: [...(sel.matchExpressions ?? []), ...keys.map((key) => ({ key, operator: 'In', values: [pod.labels[key]] }))] };
  return {
    maxSkew: c.maxSkew,
    topologyKey: c.topologyKey,
    minDomains: c.minDomains ?? 1,
    honorNodeAffinity: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor',
    honorNodeTaints: c.nodeTaintsPolicy === 'Honor',
    selector: labelSelector(sel),
    ownerKey: undefined,
  };
}

export function defaultConstraints(pod: PodInfo): SpreadConstraint[] {
  if (!pod.ownerKey) return [];
  return DEFAULT_SPREAD.map((d) => ({
    ...d, minDomains: 1, honorNodeAffinity: true, honorNodeTaints: false, selector: labelSelector(undefined), ownerKey: pod.ownerKey,
  }));
}

/** Does this node take part in the constraint's counting (node affinity / taint policies)? */
export function nodeEligible(c: SpreadConstraint, pod: PodInfo, node: NodeInfo): boolean {
  if (c.honorNodeAffinity && !matchesRequiredNodeAffinity(pod, node)) return false;
  if (c.honorNodeTaints)
    for (const t of node.taints)
      if ((t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !toleratesTaint(pod.tolerations, t)) return false;
  return true;
}

export const hasAllKeys = (constraints: readonly SpreadConstraint[], node: NodeInfo): boolean =>
  constraints.every((c) => node.labels[c.topologyKey] !== undefined);

export const selfMatches = (c: SpreadConstraint, pod: PodInfo): boolean => (c.ownerKey ? true : c.selector.matches(pod.labels));

/** Pods on `node` counted by constraint `c` for a pod in namespace `ns` (terminating pods excluded). */
export function countOnNode(c: SpreadConstraint, ns: string, node: NodeInfo, snapshot: ClusterSnapshot): number {
  if (c.ownerKey) return snapshot.ownerPods(c.ownerKey)?.get(node.name) ?? 0;
  let n = 0;
  for (const p of node.pods.values())
    if (p.namespace === ns && !p.pod.metadata?.deletionTimestamp && c.selector.matches(p.labels)) n++;
  return n;
}

/**
 * Matching pods per topology value for each constraint, over the nodes eligible for it.
 * Owner-based (default) constraints walk only the nodes running that owner's pods.
 */
export function countByDomain(
  constraints: readonly SpreadConstraint[],
  pod: PodInfo,
  snapshot: ClusterSnapshot,
  requireAllKeys: boolean,
  only?: readonly Map<string, number>[],
): Map<string, number>[] {
  return constraints.map((c, i) => {
    const counts = new Map<string, number>();
    const restrict = only?.[i];
    const add = (node: NodeInfo, n: number) => {
      const value = node.labels[c.topologyKey];
      if (value === undefined || (restrict && !restrict.has(value))) return;
      if (!nodeEligible(c, pod, node) || (requireAllKeys && !hasAllKeys(constraints, node))) return;
      counts.set(value, (counts.get(value) ?? 0) + n);
    };
    if (c.ownerKey) {
      for (const [name, n] of snapshot.ownerPods(c.ownerKey) ?? []) {
        const node = snapshot.node(name);
        if (node) add(node, n);
      }
    } else {
      for (const node of snapshot.nodes) add(node, countOnNode(c, pod.namespace, node, snapshot));
    }
    return counts;
  });
}
