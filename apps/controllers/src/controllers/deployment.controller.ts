import { controllerRef, reconcileDeployment, type Deployment, type Pod, type ReplicaSet } from '@wake/reconcilers';
import type { CacheEvent } from '../cache/cache-event';
import type { ClusterCache } from '../cache/cluster-cache';
import { nameKey, parseNameKey } from '../cache/object-key';
import type { ControllerDefinition } from '../runner/controller';
import { ownerKeysFor, self } from './owner-keys';

/** A pod going away matters to a Recreate Deployment (it waits for old pods to be gone). */
function recreateDeploymentOf(e: CacheEvent, cache: ClusterCache): string[] {
  if (e.type !== 'DELETED') return [];
  const rsRef = controllerRef(e.object);
  const rs = rsRef?.kind === 'ReplicaSet' ? cache.get<ReplicaSet>('ReplicaSet', e.object.metadata.namespace ?? '', rsRef.name) : undefined;
  const dRef = rs ? controllerRef(rs) : undefined;
  const d = dRef?.kind === 'Deployment' ? cache.get<Deployment & { metadata: { name: string } }>('Deployment', rs!.metadata!.namespace ?? '', dRef.name) : undefined;
  return d && d.spec?.strategy?.type === 'Recreate' ? [nameKey(d)] : [];
}

/**
 * Deployment controller: rolling update and recreate, revisions and rollback, scaling (the
 * scale subresource arrives as an ordinary Deployment update), pause, progress deadline, status.
 */
export const deploymentController: ControllerDefinition = {
  name: 'deployment',
  component: 'deployment-controller',
  watches: {
    Deployment: self,
    ReplicaSet: (e, cache) => ownerKeysFor(e, cache, 'Deployment'),
    Pod: recreateDeploymentOf,
  },
  reconcile(key, { cache, now }) {
    const { namespace, name } = parseNameKey(key);
    const d = cache.get<Deployment>('Deployment', namespace, name);
    if (!d) return [];
    const replicaSets = cache.list<ReplicaSet>('ReplicaSet', namespace);
    const pods = d.spec?.strategy?.type === 'Recreate' ? cache.list<Pod>('Pod', namespace) : [];
    return reconcileDeployment(d, { replicaSets, pods }, now());
  },
};
