import { MAX_NODE_SCORE, ScorePlugin, SKIP } from '../framework';
import { allocatableAndRequested, DEFAULT_SCORED_RESOURCES, ResourceWeight } from './resource-allocation';

/**
 * NodeResourcesBalancedAllocation: favour nodes whose resource fractions stay close to each other
 * once the pod is placed (1 − standard deviation of the fractions). Pods requesting nothing skip it.
 */
export function balancedAllocation(resources: readonly ResourceWeight[] = DEFAULT_SCORED_RESOURCES): ScorePlugin {
  const fractions = new Float64Array(resources.length);
  return {
    name: 'NodeResourcesBalancedAllocation',
    prepare: (pod) => (pod.requestsAnything ? undefined : SKIP),
    score: (pod, node) => {
      let n = 0;
      let sum = 0;
      for (const r of resources) {
        const { allocatable, requested } = allocatableAndRequested(pod, node, r.name, false);
        if (allocatable === 0) continue;
        const f = Math.min(requested / allocatable, 1);
        fractions[n++] = f;
        sum += f;
      }
      let std = 0;
      if (n === 2) std = Math.abs((fractions[0] - fractions[1]) / 2);
      else if (n > 2) {
        const mean = sum / n;
        let v = 0;
        for (let i = 0; i < n; i++) v += (fractions[i] - mean) ** 2;
        std = Math.sqrt(v / n);
      }
      return Math.trunc((1 - std) * MAX_NODE_SCORE);
    },
  };
}
