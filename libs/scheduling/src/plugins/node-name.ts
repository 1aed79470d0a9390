import { FilterPlugin, SUCCESS, unresolvable } from '../framework';

export const ERR_NODE_NAME = "node(s) didn't match the requested node name";
const REJECT = unresolvable(ERR_NODE_NAME);

/** NodeName: a pod that names its node fits only there. */
export const NodeName: FilterPlugin = {
  name: 'NodeName',
  filter: (pod, node) => (pod.nodeName === undefined || pod.nodeName === node.name ? SUCCESS : REJECT),
};
