import { type Action, event, refOf, requeueAfter, seqOf } from '../common/action';
import { rfc3339 } from '../common/time';
import type { Lease, Node, Pod } from '../common/wire';
import { DEFAULT_NODE_MONITOR_GRACE_SECONDS, nodeHealth } from './node-health';
import { desiredTaints } from './node-taints';
import { DEFAULT_TOLERATION_SECONDS, evictionTime } from './taint-eviction';

export interface NodeLifecycleConfig {
  /** Seconds without a lease renewal before the node is Unknown (default 40). */
  gracePeriodSeconds?: number;
  /** Toleration assumed for pods without one for not-ready/unreachable (default 300; null: none). */
  defaultTolerationSeconds?: number | null;
}

/**
 * Node lifecycle controller for one node: conditions from its Lease, taints from its Ready
 * condition, pods evicted after their toleration of NoExecute taints, and pods on a node that
 * is not Ready marked not ready (`MarkPodsNotReady`).
 *
 * One write per object per result: when the conditions change, only the status is written;
 * the taints follow on the next pass (the write re-enqueues the node), as in Kubernetes where
 * they are separate updates.
 * `pods`: the pods bound to this node.
 */
export function reconcileNode(node: Node, lease: Lease | undefined, pods: readonly Pod[], now: Date, config: NodeLifecycleConfig = {}): Action[] {
  if (node.metadata?.deletionTimestamp) return [];
  const grace = config.gracePeriodSeconds ?? DEFAULT_NODE_MONITOR_GRACE_SECONDS;
  const defaults = config.defaultTolerationSeconds === null ? undefined : config.defaultTolerationSeconds ?? DEFAULT_TOLERATION_SECONDS;
  const health = nodeHealth(node, lease, now, grace);
  if (health.conditions) {
    return [
      { type: 'updateStatus', object: { ...node, status: { ...node.status, conditions: health.conditions } }, expectSeq: seqOf(node), intent: 'StatusUnknown' },
      event(node, 'Normal', 'NodeNotReady', `Node ${node.metadata?.name} status is now: NodeNotReady`),
    ];
  }
  const actions: Action[] = [];
  const taints = desiredTaints(node, now);
  if (taints) {
    const { taints: _old, ...rest } = node.spec ?? {};
    const spec = taints.length ? { ...rest, taints } : rest;
    actions.push({ type: 'update', object: { ...node, spec }, expectSeq: seqOf(node), intent: 'Tainted' });
  }
  const effective = taints ?? node.spec?.taints ?? [];
  const notReady = (node.status?.conditions ?? []).find((c) => c.type === 'Ready')?.status !== 'True';
  let next: number | undefined = health.recheckIn;
  for (const pod of pods) {
    if (pod.metadata?.deletionTimestamp || pod.spec?.nodeName !== node.metadata?.name) continue;
    const due = evictionTime(pod, effective, now, defaults);
    if (due !== 'never' && due <= now.getTime()) {
      actions.push({ type: 'delete', key: refOf(pod, { apiVersion: 'v1', kind: 'Pod' }), intent: 'Evicted' });
      actions.push(event(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${pod.metadata?.namespace}/${pod.metadata?.name}`));
      continue;
    }
    if (due !== 'never') next = Math.min(next ?? Infinity, (due - now.getTime()) / 1000);
    const ready = (pod.status?.conditions ?? []).find((c) => c.type === 'Ready');
    if (notReady && ready?.status === 'True') {
      const conditions = (pod.status?.conditions ?? []).map((c) => (c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: rfc3339(now) } : c));
      actions.push({ type: 'updateStatus', object: { ...pod, status: { ...pod.status, conditions } }, expectSeq: seqOf(pod), intent: 'MarkedNotReady' });
    }
  }
  if (next !== undefined) actions.push(requeueAfter(next));
  return actions;
}
