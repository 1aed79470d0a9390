import { MAX_NODE_SCORE, ScorePlugin } from '../framework';
import { allocatableAndRequested, DEFAULT_SCORED_RESOURCES, ResourceWeight } from './resource-allocation';

export type ScoringStrategy = 'LeastAllocated' | 'MostAllocated';

const leastRequested = (requested: number, capacity: number) =>
  capacity === 0 || requested > capacity ? 0 : Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
const mostRequested = (requested: number, capacity: number) =>
  capacity === 0 ? 0 : Math.trunc((Math.min(requested, capacity) * MAX_NODE_SCORE) / capacity);

/**
 * NodeResourcesFit (score): LeastAllocated favours the emptiest nodes (spreading, the default);
 * MostAllocated the fullest (bin packing). Weighted mean over the configured resources,
 * skipping resources the node does not have.
 */
export function nodeResourcesFitScore(strategy: ScoringStrategy = 'LeastAllocated', resources: readonly ResourceWeight[] = DEFAULT_SCORED_RESOURCES): ScorePlugin {
  const scorer = strategy === 'MostAllocated' ? mostRequested : leastRequested;
  return {
    name: 'NodeResourcesFit',
    score: (pod, node) => {
      let score = 0;
      let weights = 0;
      for (const r of resources) {
        const { allocatable, requested } = allocatableAndRequested(pod, node, r.name, true);
        if (allocatable === 0) continue;
        score += scorer(requested, allocatable) * r.weight;
        weights += r.weight;
      }
      return weights === 0 ? 0 : Math.trunc(score / weights);
    },
  };
}
