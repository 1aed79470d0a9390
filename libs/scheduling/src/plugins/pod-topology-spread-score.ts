import { MAX_NODE_SCORE, ScorePlugin, SKIP } from '../framework';
import type { NodeInfo } from '../node-info';
import { compileConstraints, countByDomain, countOnNode, defaultConstraints, HOSTNAME_KEY, hasAllKeys, SpreadConstraint } from './topology-spread-constraints';
import type { ClusterSnapshot } from '../snapshot';

export interface SpreadScoreState {
  readonly constraints: readonly SpreadConstraint[];
  readonly counts: readonly Map<string, number>[];
  readonly weights: readonly number[];
  readonly ignored: ReadonlySet<NodeInfo>;
  readonly snapshot: ClusterSnapshot;
  readonly namespace: string;
}

/**
 * PodTopologySpread (score): `ScheduleAnyway` constraints, or — for pods of a ReplicaSet /
 * StatefulSet / ReplicationController that declare none — the system defaults (hostname maxSkew 3,
 * zone maxSkew 5). Fewer matching pods in the node's domains is better.
 */
export function podTopologySpreadScore(systemDefaults = true): ScorePlugin<SpreadScoreState> {
  return {
    name: 'PodTopologySpread',
    prepare: (pod, snapshot, feasible) => {
      const explicit = pod.spreadConstraints.length > 0;
      const constraints = explicit ? compileConstraints(pod, 'ScheduleAnyway') : systemDefaults ? defaultConstraints(pod) : [];
      if (constraints.length === 0) return SKIP;
      const ignored = new Set<NodeInfo>();
      const domains = constraints.map(() => new Map<string, number>());
      for (const node of feasible) {
        if (explicit && !hasAllKeys(constraints, node)) {
          ignored.add(node);
          continue;
        }
        for (let i = 0; i < constraints.length; i++) {
          const v = node.labels[constraints[i].topologyKey];
          if (v !== undefined) domains[i].set(v, 0);
        }
      }
      const counts = countByDomain(constraints, pod, snapshot, explicit, domains);
      const weights = constraints.map((_, i) => Math.log(domains[i].size + 2));
      return { constraints, counts, weights, ignored, snapshot, namespace: pod.namespace };
    },
    score: (_pod, node, s) => {
      if (s.ignored.has(node)) return 0;
      let score = 0;
      for (let i = 0; i < s.constraints.length; i++) {
        const c = s.constraints[i];
        const value = node.labels[c.topologyKey];
        if (value === undefined) continue;
        const cnt = c.topologyKey === HOSTNAME_KEY ? countOnNode(c, s.namespace, node, s.snapshot) : s.counts[i].get(value) ?? 0;
        score += cnt * s.weights[i] + (c.maxSkew - 1);
      }
      return Math.round(score);
    },
    normalize: (scores, s, feasible) => {
      let min = Infinity;
      let max = 0;
      for (let i = 0; i < scores.length; i++) {
        if (s.ignored.has(feasible[i])) continue;
        if (scores[i] < min) min = scores[i];
        if (scores[i] > max) max = scores[i];
      }
      for (let i = 0; i < scores.length; i++) {
        if (s.ignored.has(feasible[i])) scores[i] = 0;
        else if (max === 0) scores[i] = MAX_NODE_SCORE;
        else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i])) / max);
      }
    },
  };
}
