import { KINDS, kindInfo, type KubeObject } from '@wake/events';
import { attemptToDelete, FOREGROUND_DELETION, ORPHAN, reconcileOwnerDeletion, type AnyObject, type OwnerReference } from '@wake/reconcilers';
import type { CacheEvent } from '../cache/cache-event';
import type { ClusterCache } from '../cache/cluster-cache';
import { ownerNamespace, parseRefKey, refKeyOf } from '../cache/object-key';
import type { ControllerContext, ControllerDefinition } from '../runner/controller';

const refsOf = (o: AnyObject): OwnerReference[] => o.metadata?.ownerReferences ?? [];
const finalizing = (o: AnyObject | undefined) =>
  !!o?.metadata?.deletionTimestamp && (o.metadata.finalizers ?? []).some((f) => f === ORPHAN || f === FOREGROUND_DELETION);
const deletingDependents = (o: AnyObject | undefined) =>
  !!o?.metadata?.deletionTimestamp && (o.metadata.finalizers ?? []).includes(FOREGROUND_DELETION);

/**
 * Which objects (RefKeys) the garbage collector must look at after a change (its graph
 * builder): dependents of an object that went away; an object whose owner is not in the
 * cache or is deleting in the foreground; an owner being deleted with the orphan or
 * foregroundDeletion finalizer, and again whenever one of its dependents changes.
 */
export function gcKeys(e: CacheEvent, cache: ClusterCache): string[] {
  const keys = new Set<string>();
  const o = e.object as KubeObject & AnyObject;
  const refs = refsOf(o);
  if (e.type === 'DELETED') {
    if (o.metadata.uid) for (const k of cache.dependentKeysOf(o.metadata.uid)) keys.add(k);
  } else {
    if (finalizing(o)) keys.add(refKeyOf(o));
    if (refs.some((r) => { const owner = cache.getByUid<AnyObject>(r.uid); return !owner || deletingDependents(owner); })) keys.add(refKeyOf(o));
  }
  for (const uid of new Set([...e.oldOwnerUids, ...refs.map((r) => r.uid)])) {
    const owner = cache.getByUid<KubeObject & AnyObject>(uid);
    if (owner && finalizing(owner)) keys.add(refKeyOf(owner));
  }
  return [...keys];
}

/**
 * The owners of `objects` by uid: from the cache, and — for any the cache lacks — confirmed
 * with a live read, as Kubernetes' garbage collector does before it deletes anything.
 * An owner of a kind Wake does not know is assumed to exist (never delete on a guess).
 */
async function resolveOwners(objects: readonly AnyObject[], ctx: ControllerContext): Promise<Map<string, AnyObject>> {
  const owners = new Map<string, AnyObject>();
  for (const dep of objects) {
    for (const ref of refsOf(dep)) {
      if (owners.has(ref.uid)) continue;
      const cached = ctx.cache.getByUid<AnyObject>(ref.uid);
      if (cached) { owners.set(ref.uid, cached); continue; }
      if (!kindInfo(ref.kind)) { owners.set(ref.uid, { kind: ref.kind, metadata: { name: ref.name, uid: ref.uid } }); continue; }
      const live = await ctx.store.get({ kind: ref.kind, namespace: ownerNamespace(ref.kind, dep.metadata?.namespace), name: ref.name });
      if (live && live.metadata.uid === ref.uid) owners.set(ref.uid, live as AnyObject);
    }
  }
  return owners;
}

/** Garbage collector: ownerReferences with Background, Foreground and Orphan propagation. Keys are `Kind/namespace/name`. */
export const garbageCollector: ControllerDefinition = {
  name: 'garbage-collector',
  component: 'garbage-collector',
  watches: Object.fromEntries(KINDS.map((k) => [k.kind, gcKeys])),
  async reconcile(key, ctx) {
    const { kind, namespace, name } = parseRefKey(key);
    const obj = ctx.cache.get<KubeObject & AnyObject>(kind, namespace, name);
    if (!obj) return [];
    if (finalizing(obj)) {
      const dependents = ctx.cache.dependentsOf<AnyObject>(obj.metadata.uid ?? '');
      return reconcileOwnerDeletion(obj, dependents, await resolveOwners(dependents, ctx));
    }
    if (!refsOf(obj).length) return [];
    return attemptToDelete(obj, await resolveOwners([obj], ctx));
  },
};
