import { FilterPlugin, SUCCESS, unschedulable } from '../framework';

export const ERR_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";
const REJECT = unschedulable(ERR_NODE_PORTS);

/** NodePorts: the pod's host ports (per host IP and protocol; 0.0.0.0 overlaps all) must be free. */
export const NodePorts: FilterPlugin = {
  name: 'NodePorts',
  filter: (pod, node) => {
    for (const port of pod.hostPorts) if (node.portConflicts(port)) return REJECT;
    return SUCCESS;
  },
};
