import { MAX_NODE_SCORE, ScorePlugin, SKIP } from '../framework';
import { hasPodAffinity, NamespaceLabels, PodInfo, termMatches } from '../pod-info';
import type { NodeInfo } from '../node-info';

/** topologyKey → topology value → accumulated weight. */
export type TopologyScore = Map<string, Map<string, number>>;

function add(scores: TopologyScore, node: NodeInfo, key: string, weight: number): void {
  const value = node.labels[key];
  if (value === undefined || weight === 0) return;
  let byValue = scores.get(key);
  if (!byValue) scores.set(key, (byValue = new Map()));
  byValue.set(value, (byValue.get(value) ?? 0) + weight);
}

function processExisting(scores: TopologyScore, incoming: PodInfo, existing: PodInfo, node: NodeInfo, hardWeight: number, ns: NamespaceLabels): void {
  for (const t of incoming.preferredAffinity) if (termMatches(t, existing, ns)) add(scores, node, t.topologyKey, t.weight);
  for (const t of incoming.preferredAntiAffinity) if (termMatches(t, existing, ns)) add(scores, node, t.topologyKey, -t.weight);
  if (hardWeight > 0) for (const t of existing.requiredAffinity) if (termMatches(t, incoming, ns)) add(scores, node, t.topologyKey, hardWeight);
  for (const t of existing.preferredAffinity) if (termMatches(t, incoming, ns)) add(scores, node, t.topologyKey, t.weight);
  for (const t of existing.preferredAntiAffinity) if (termMatches(t, incoming, ns)) add(scores, node, t.topologyKey, -t.weight);
}

/**
 * InterPodAffinity (score): preferred affinity/anti-affinity of the incoming pod towards existing
 * pods and of existing pods towards it (their required affinity counts with `hardPodAffinityWeight`),
 * summed per topology domain; min-max normalized.
 */
export function interPodAffinityScore(hardPodAffinityWeight = 1): ScorePlugin<TopologyScore> {
  return {
    name: 'InterPodAffinity',
    prepare: (pod, snapshot) => {
      const own = pod.preferredAffinity.length + pod.preferredAntiAffinity.length > 0;
      if (!own && snapshot.nodesWithAffinityPods.size === 0) return SKIP;
      const scores: TopologyScore = new Map();
      const nodes = own ? snapshot.nodes : snapshot.nodesWithAffinityPods;
      for (const node of nodes) {
        if (!node.node) continue;
        for (const existing of node.pods.values())
          if (own || hasPodAffinity(existing)) processExisting(scores, pod, existing, node, hardPodAffinityWeight, snapshot.namespaceLabels);
      }
      return scores.size === 0 ? SKIP : scores;
    },
    score: (_pod, node, scores) => {
      let total = 0;
      for (const [key, byValue] of scores) {
        const value = node.labels[key];
        if (value !== undefined) total += byValue.get(value) ?? 0;
      }
      return total;
    },
    normalize: (scores) => {
      let min = Infinity;
      let max = -Infinity;
      for (const s of scores) {
        if (s < min) min = s;
        if (s > max) max = s;
      }
      const diff = max - min;
      for (let i = 0; i < scores.length; i++) scores[i] = diff > 0 ? Math.trunc((MAX_NODE_SCORE * (scores[i] - min)) / diff) : 0;
    },
  };
}
