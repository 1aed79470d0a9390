import type { V1Taint } from '@kubernetes/client-node';
import { FilterPlugin, SUCCESS, unresolvable } from '../framework';
import { toleratesTaint } from './tolerations';

export const ERR_NODE_UNSCHEDULABLE = 'node(s) were unschedulable';
const REJECT = unresolvable(ERR_NODE_UNSCHEDULABLE);
const UNSCHEDULABLE_TAINT: V1Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

/** NodeUnschedulable: a cordoned node (`spec.unschedulable`) takes only pods tolerating its taint. */
export const NodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter: (pod, node) => (!node.unschedulable || toleratesTaint(pod.tolerations, UNSCHEDULABLE_TAINT) ? SUCCESS : REJECT),
};
