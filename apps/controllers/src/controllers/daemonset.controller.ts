import { reconcileDaemonSet, type DaemonSet, type Pod } from '@wake/reconcilers';
import { nameKey, parseNameKey } from '../cache/object-key';
import type { ControllerDefinition } from '../runner/controller';
import { ownerKeysFor, self } from './owner-keys';

type Node = Parameters<typeof reconcileDaemonSet>[1]['nodes'][number];

/** DaemonSet controller: one pod per eligible node, new nodes get one, rolling updates, status. */
export const daemonSetController: ControllerDefinition = {
  name: 'daemonset',
  component: 'daemonset-controller',
  watches: {
    DaemonSet: self,
    Pod: (e, cache) => ownerKeysFor(e, cache, 'DaemonSet'),
    // Any node change can make a node (in)eligible for every DaemonSet.
    Node: (_e, cache) => cache.listAll('DaemonSet').map((ds) => nameKey(ds)),
  },
  reconcile(key, { cache, now, random }) {
    const { namespace, name } = parseNameKey(key);
    const ds = cache.get<DaemonSet>('DaemonSet', namespace, name);
    if (!ds) return [];
    return reconcileDaemonSet(ds, { nodes: cache.list<Node>('Node', ''), pods: cache.list<Pod>('Pod', namespace) }, { now: now(), random });
  },
};
