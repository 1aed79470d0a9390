import { FilterPlugin, SKIP, SUCCESS, unresolvable, unschedulable } from '../framework';
import type { NodeInfo } from '../node-info';
import { AffinityTerm, NamespaceLabels, PodInfo, termMatches } from '../pod-info';

export const ERR_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";
export const ERR_AFFINITY = "node(s) didn't match pod affinity rules";
export const ERR_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
const EXISTING_ANTI = unschedulable(ERR_EXISTING_ANTI_AFFINITY);
const AFFINITY = unresolvable(ERR_AFFINITY);
const ANTI = unschedulable(ERR_ANTI_AFFINITY);

const pair = (key: string, value: string) => `${key}\u0000${value}`;

export interface InterPodAffinityState {
  /** Topology pairs where an existing pod's required anti-affinity matches the incoming pod. */
  readonly existingAntiAffinity: Map<string, number>;
  /** Topology pairs holding pods that match all of the incoming pod's required affinity terms. */
  readonly affinity: Map<string, number>;
  /** Topology pairs holding pods that match one of the incoming pod's required anti-affinity terms. */
  readonly antiAffinity: Map<string, number>;
  /** No pod matches the affinity terms yet but the incoming pod matches its own: it may start the group. */
  firstOfGroup: boolean;
}

const matchesAll = (terms: readonly AffinityTerm[], pod: PodInfo, ns: NamespaceLabels) => terms.every((t) => termMatches(t, pod, ns));

function bump(counts: Map<string, number>, node: NodeInfo, key: string): void {
  const value = node.labels[key];
  if (value === undefined) return;
  const k = pair(key, value);
  counts.set(k, (counts.get(k) ?? 0) + 1);
}

/**
 * InterPodAffinity (filter): required pod affinity and anti-affinity by topology domain, plus the
 * symmetric check that no existing pod's required anti-affinity rejects the incoming pod there.
 * Counts are computed once per cycle (PreFilter); the per-node check is a few map lookups.
 */
export const InterPodAffinity: FilterPlugin<InterPodAffinityState> = {
  name: 'InterPodAffinity',
  prepare: (pod, snapshot) => {
    const ns = snapshot.namespaceLabels;
    const hasOwn = pod.requiredAffinity.length + pod.requiredAntiAffinity.length > 0;
    if (!hasOwn && snapshot.nodesWithRequiredAntiAffinityPods.size === 0) return SKIP;
    const state: InterPodAffinityState = { existingAntiAffinity: new Map(), affinity: new Map(), antiAffinity: new Map(), firstOfGroup: false };
    for (const node of snapshot.nodesWithRequiredAntiAffinityPods) {
      if (!node.node) continue;
      for (const existing of node.pods.values())
        for (const term of existing.requiredAntiAffinity)
          if (termMatches(term, pod, ns)) bump(state.existingAntiAffinity, node, term.topologyKey);
    }
    if (hasOwn) {
      for (const node of snapshot.nodes)
        for (const existing of node.pods.values()) {
          if (pod.requiredAffinity.length > 0 && matchesAll(pod.requiredAffinity, existing, ns))
            for (const term of pod.requiredAffinity) bump(state.affinity, node, term.topologyKey);
          for (const term of pod.requiredAntiAffinity) if (termMatches(term, existing, ns)) bump(state.antiAffinity, node, term.topologyKey);
        }
    }
    state.firstOfGroup = pod.requiredAffinity.length > 0 && state.affinity.size === 0 && matchesAll(pod.requiredAffinity, pod, ns);
    return state;
  },
  filter: (pod, node, state) => {
    if (state.existingAntiAffinity.size > 0)
      for (const key in node.labels) if ((state.existingAntiAffinity.get(pair(key, node.labels[key])) ?? 0) > 0) return EXISTING_ANTI;
    if (pod.requiredAffinity.length > 0) {
      let podsExist = true;
      for (const term of pod.requiredAffinity) {
        const value = node.labels[term.topologyKey];
        if (value === undefined) return AFFINITY; // every topology label must exist on the node
        if ((state.affinity.get(pair(term.topologyKey, value)) ?? 0) <= 0) podsExist = false;
      }
      // The first pod of a group with affinity to itself may go anywhere that has the topology.
      if (!podsExist && !state.firstOfGroup) return AFFINITY;
    }
    for (const term of pod.requiredAntiAffinity) {
      const value = node.labels[term.topologyKey];
      if (value !== undefined && (state.antiAffinity.get(pair(term.topologyKey, value)) ?? 0) > 0) return ANTI;
    }
    return SUCCESS;
  },
};
