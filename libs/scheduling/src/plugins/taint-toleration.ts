import { FilterPlugin, SUCCESS, unresolvable } from '../framework';
import { toleratesTaint } from './tolerations';

/** TaintToleration: every NoSchedule/NoExecute taint must be tolerated. */
export const TaintToleration: FilterPlugin = {
  name: 'TaintToleration',
  filter: (pod, node) => {
    for (const taint of node.taints) {
      if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
      if (!toleratesTaint(pod.tolerations, taint))
        return unresolvable(`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`);
    }
    return SUCCESS;
  },
};
