import type { V1Taint } from '@kubernetes/client-node';
import { FilterPlugin, SUCCESS, unresolvable } from '../framework';
import { toleratesTaint } from './tolerations';

export const ERR_NODE_NOT_READY = 'node(s) were not ready';
export const ERR_NODE_NETWORK_UNAVAILABLE = 'node(s) had unavailable network';
const NOT_READY = unresolvable(ERR_NODE_NOT_READY);
const NETWORK_UNAVAILABLE = unresolvable(ERR_NODE_NETWORK_UNAVAILABLE);
const NOT_READY_TAINT: V1Taint = { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' };
const NETWORK_TAINT: V1Taint = { key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' };

/**
 * NodeReady (the old CheckNodeCondition predicate): the Ready condition must be True and the
 * network available. A pod tolerating the matching condition taint (as DaemonSet pods do) passes,
 * so this agrees with kube-scheduler's taint-based behaviour.
 */
export const NodeReady: FilterPlugin = {
  name: 'NodeReady',
  filter: (pod, node) => {
    if (node.ready !== 'True' && !toleratesTaint(pod.tolerations, NOT_READY_TAINT)) return NOT_READY;
    if (node.networkUnavailable && !toleratesTaint(pod.tolerations, NETWORK_TAINT)) return NETWORK_UNAVAILABLE;
    return SUCCESS;
  },
};
