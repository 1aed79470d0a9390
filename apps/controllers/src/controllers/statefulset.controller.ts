import { reconcileStatefulSet, type PersistentVolumeClaim, type Pod, type StatefulSet } from '@wake/reconcilers';
import { parseNameKey } from '../cache/object-key';
import type { ControllerDefinition } from '../runner/controller';
import { ownerKeysFor, self } from './owner-keys';

/** StatefulSet controller: stable identities, ordered or parallel pods, partitioned updates, per-pod claims. */
export const statefulSetController: ControllerDefinition = {
  name: 'statefulset',
  component: 'statefulset-controller',
  watches: {
    StatefulSet: self,
    Pod: (e, cache) => ownerKeysFor(e, cache, 'StatefulSet'),
    PersistentVolumeClaim: (e, cache) => ownerKeysFor(e, cache, 'StatefulSet'),
  },
  reconcile(key, { cache, now }) {
    const { namespace, name } = parseNameKey(key);
    const set = cache.get<StatefulSet>('StatefulSet', namespace, name);
    if (!set) return [];
    return reconcileStatefulSet(set, { pods: cache.list<Pod>('Pod', namespace), claims: cache.list<PersistentVolumeClaim>('PersistentVolumeClaim', namespace) }, now());
  },
};
