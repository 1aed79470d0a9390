import type { V1Toleration } from '@kubernetes/client-node';
import { defaultNormalize, ScorePlugin } from '../framework';
import { toleratesTaint } from './tolerations';

/** TaintToleration (score): fewer untolerated PreferNoSchedule taints is better (reverse-normalized). */
export const TaintTolerationScore: ScorePlugin<readonly V1Toleration[]> = {
  name: 'TaintToleration',
  prepare: (pod) => pod.tolerations.filter((t) => !t.effect || t.effect === 'PreferNoSchedule'),
  score: (_pod, node, tolerations) => {
    let n = 0;
    for (const taint of node.taints) if (taint.effect === 'PreferNoSchedule' && !toleratesTaint(tolerations, taint)) n++;
    return n;
  },
  normalize: (scores) => defaultNormalize(scores, true),
};
