import { reconcileNode, type Lease, type Node, type Pod } from '@wake/reconcilers';
import type { CacheEvent } from '../cache/cache-event';
import type { ClusterCache } from '../cache/cluster-cache';
import type { ControllerDefinition } from '../runner/controller';

export const NODE_LEASE_NAMESPACE = 'kube-node-lease';

const isReady = (n: Node | undefined) => (n?.status?.conditions ?? []).find((c) => c.type === 'Ready')?.status === 'True';

/** A pod bound to a node that is not Ready may need evicting or marking not ready. */
function nodeOfPod(e: CacheEvent, cache: ClusterCache): string[] {
  const node = (e.object.spec as { nodeName?: string } | undefined)?.nodeName;
  if (!node || e.type === 'DELETED') return [];
  return isReady(cache.get<Node>('Node', '', node)) ? [] : [node];
}

/**
 * Node lifecycle: a node whose lease is not renewed within the grace period becomes
 * Ready=Unknown and is tainted unreachable (NoExecute); its pods are evicted after their
 * toleration. Lease renewals are not enqueued one by one: each reconcile asks to look again
 * when the grace period would run out. Keys are node names.
 */
export const nodeLifecycleController: ControllerDefinition = {
  name: 'node-lifecycle',
  component: 'node-controller',
  watches: {
    Node: (e) => (e.type === 'DELETED' ? [] : [e.object.metadata.name]),
    Lease: (e) => (e.object.metadata.namespace === NODE_LEASE_NAMESPACE && e.type !== 'MODIFIED' ? [e.object.metadata.name] : []),
    Pod: nodeOfPod,
  },
  reconcile(name, { cache, now, config }) {
    const node = cache.get<Node>('Node', '', name);
    if (!node) return [];
    const lease = cache.get<Lease>('Lease', NODE_LEASE_NAMESPACE, name);
    return reconcileNode(node, lease, cache.podsOnNode<Pod>(name), now(), {
      gracePeriodSeconds: config.nodeMonitorGraceSeconds,
      defaultTolerationSeconds: config.defaultTolerationSeconds,
    });
  },
};
