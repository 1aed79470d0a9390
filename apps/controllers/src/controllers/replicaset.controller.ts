import { controllerRef, reconcileReplicaSet, type Pod, type ReplicaSet } from '@wake/reconcilers';
import { parseNameKey } from '../cache/object-key';
import type { ControllerDefinition } from '../runner/controller';
import { ownerKeysFor, self } from './owner-keys';

/** ReplicaSet controller: pods to match `replicas`, adoption and release, status. */
export const replicaSetController: ControllerDefinition = {
  name: 'replicaset',
  component: 'replicaset-controller',
  watches: {
    ReplicaSet: self,
    Pod: (e, cache) => ownerKeysFor(e, cache, 'ReplicaSet'),
  },
  reconcile(key, { cache, now, random }) {
    const { namespace, name } = parseNameKey(key);
    const rs = cache.get<ReplicaSet>('ReplicaSet', namespace, name);
    if (!rs) return [];
    const pods = cache.list<Pod>('Pod', namespace);
    // Pods of sibling ReplicaSets (same Deployment) rank doubled-up nodes first when scaling down.
    const parent = controllerRef(rs);
    const relatedPods = parent
      ? cache.dependentsOf<ReplicaSet>(parent.uid, 'ReplicaSet').flatMap((s) => cache.dependentsOf<Pod>(s.metadata?.uid ?? '', 'Pod'))
      : undefined;
    return reconcileReplicaSet(rs, { pods, relatedPods }, { now: now(), random });
  },
};
