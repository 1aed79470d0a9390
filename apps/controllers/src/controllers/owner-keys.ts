import type { KubeObject } from '@wake/events';
import { controllerRef, selectorMatches, type LabelSelector } from '@wake/reconcilers';
import type { CacheEvent } from '../cache/cache-event';
import type { ClusterCache } from '../cache/cluster-cache';
import { nameKey } from '../cache/object-key';

/**
 * The keys of `ownerKind` objects a change of a dependent concerns (Kubernetes'
 * `addPod`/`updatePod`/`deletePod` handlers): its controller owner, its previous controller
 * owner when that changed, and — for an orphan — every owner in its namespace whose selector
 * matches it (a candidate for adoption).
 */
export function ownerKeysFor(e: CacheEvent, cache: ClusterCache, ownerKind: string): string[] {
  const keys = new Set<string>();
  const ref = controllerRef(e.object);
  const add = (uid: string | undefined) => {
    const owner = uid ? cache.getByUid(uid) : undefined;
    if (owner && owner.kind === ownerKind) keys.add(nameKey(owner));
  };
  if (ref) {
    if (ref.kind === ownerKind) {
      const owner = cache.get(ownerKind, e.object.metadata.namespace ?? '', ref.name);
      if (owner) keys.add(nameKey(owner));
    }
  } else if (e.type !== 'DELETED') {
    for (const owner of cache.list<KubeObject & { spec?: { selector?: LabelSelector } }>(ownerKind, e.object.metadata.namespace ?? '')) {
      if (selectorMatches(owner.spec?.selector, e.object.metadata.labels)) keys.add(nameKey(owner));
    }
  }
  if (e.oldControllerUid && e.oldControllerUid !== ref?.uid) add(e.oldControllerUid);
  return [...keys];
}

/** A change of the object itself enqueues its own key. */
export const self = (e: CacheEvent): string[] => [nameKey(e.object)];
