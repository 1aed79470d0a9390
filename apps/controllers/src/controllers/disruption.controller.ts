import {
  reconcileDisruptionBudget, type Deployment, type Pod, type PodDisruptionBudget, type ReplicaSet, type StatefulSet,
} from '@wake/reconcilers';
import type { KubeObject } from '@wake/events';
import type { CacheEvent } from '../cache/cache-event';
import type { ClusterCache } from '../cache/cluster-cache';
import { nameKey, parseNameKey } from '../cache/object-key';
import type { ControllerDefinition } from '../runner/controller';
import { self } from './owner-keys';

/**
 * Every budget of the object's namespace: a pod change may concern a budget that selects it now or
 * did before a relabelling (the cache keeps no old labels), a workload's scale the budgets that
 * count against it. Budgets are few and a reconcile that changes nothing writes nothing.
 */
const budgetsOfNamespace = (e: CacheEvent, cache: ClusterCache): string[] =>
  cache.list<KubeObject>('PodDisruptionBudget', e.object.metadata.namespace ?? '').map(nameKey);

/** Disruption controller: each PodDisruptionBudget's status from the pods it selects (what the eviction subresource reads). */
export const disruptionController: ControllerDefinition = {
  name: 'disruption',
  component: 'controllermanager',
  watches: {
    PodDisruptionBudget: self,
    Pod: budgetsOfNamespace,
    ReplicaSet: budgetsOfNamespace,
    Deployment: budgetsOfNamespace,
    StatefulSet: budgetsOfNamespace,
  },
  reconcile(key, { cache, now }) {
    const { namespace, name } = parseNameKey(key);
    const pdb = cache.get<PodDisruptionBudget>('PodDisruptionBudget', namespace, name);
    if (!pdb) return [];
    return reconcileDisruptionBudget(pdb, {
      pods: cache.list<Pod>('Pod', namespace),
      replicaSets: cache.list<ReplicaSet>('ReplicaSet', namespace),
      deployments: cache.list<Deployment>('Deployment', namespace),
      statefulSets: cache.list<StatefulSet>('StatefulSet', namespace),
    }, now());
  },
};
