import { FilterPlugin, SKIP, SUCCESS, unresolvable, unschedulable } from '../framework';
import { compileConstraints, countByDomain, hasAllKeys, nodeEligible, selfMatches, SpreadConstraint } from './topology-spread-constraints';

export const ERR_SPREAD_MISSING_LABEL = "node(s) didn't match pod topology spread constraints (missing required label)";
export const ERR_SPREAD = "node(s) didn't match pod topology spread constraints";
const MISSING_LABEL = unresolvable(ERR_SPREAD_MISSING_LABEL);
const SKEW = unschedulable(ERR_SPREAD);

export interface SpreadFilterState {
  readonly constraints: readonly SpreadConstraint[];
  /** Per constraint: topology value → matching pods. */
  readonly counts: readonly Map<string, number>[];
  /** Per constraint: the global minimum over eligible domains (0 when fewer than minDomains). */
  readonly minMatch: readonly number[];
  readonly selfMatch: readonly number[];
}

/** PodTopologySpread (filter): `whenUnsatisfiable: DoNotSchedule` constraints, skew against the global minimum. */
export const PodTopologySpread: FilterPlugin<SpreadFilterState> = {
  name: 'PodTopologySpread',
  prepare: (pod, snapshot) => {
    const constraints = compileConstraints(pod, 'DoNotSchedule');
    if (constraints.length === 0) return SKIP;
    const counts = countByDomain(constraints, pod, snapshot, true);
    // Domains with no matching pods still count for the minimum: seed them from eligible nodes.
    for (const node of snapshot.nodes) {
      if (!hasAllKeys(constraints, node)) continue;
      constraints.forEach((c, i) => {
        const value = node.labels[c.topologyKey];
        if (!counts[i].has(value) && nodeEligible(c, pod, node)) counts[i].set(value, 0);
      });
    }
    const minMatch = constraints.map((c, i) => {
      if (counts[i].size < c.minDomains) return 0;
      let min = Infinity;
      for (const n of counts[i].values()) if (n < min) min = n;
      return min === Infinity ? 0 : min;
    });
    return { constraints, counts, minMatch, selfMatch: constraints.map((c) => (selfMatches(c, pod) ? 1 : 0)) };
  },
  filter: (_pod, node, s) => {
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i];
      const value = node.labels[c.topologyKey];
      if (value === undefined) return MISSING_LABEL;
      const skew = (s.counts[i].get(value) ?? 0) + s.selfMatch[i] - s.minMatch[i];
      if (skew > c.maxSkew) return SKEW;
    }
    return SUCCESS;
  },
};
