import { FilterPlugin, SUCCESS, unresolvable } from '../framework';
import { matchesRequiredNodeAffinity } from '../pod-info';

export const ERR_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
const REJECT = unresolvable(ERR_NODE_AFFINITY);

/** NodeAffinity (filter): `spec.nodeSelector` and required node affinity (terms OR-ed, requirements AND-ed). */
export const NodeAffinity: FilterPlugin = {
  name: 'NodeAffinity',
  filter: (pod, node) => (matchesRequiredNodeAffinity(pod, node) ? SUCCESS : REJECT),
};
