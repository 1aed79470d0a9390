import { defaultNormalize, ScorePlugin, SKIP } from '../framework';

/** NodeAffinity (score): sum of the weights of the preferred terms the node matches, scaled to 0..100. */
export const NodeAffinityScore: ScorePlugin = {
  name: 'NodeAffinity',
  prepare: (pod) => (pod.preferredNodeAffinity.length > 0 ? undefined : SKIP),
  score: (pod, node) => {
    let score = 0;
    for (const term of pod.preferredNodeAffinity) if (term.matcher.matches(node)) score += term.weight;
    return score;
  },
  normalize: (scores) => defaultNormalize(scores, false),
};
