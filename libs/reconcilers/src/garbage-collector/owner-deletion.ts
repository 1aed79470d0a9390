import { type Action, seqOf } from '../common/action';
import type { AnyObject } from '../common/wire';
import { type OwnerLookup, attemptToDelete } from './attempt-to-delete';
import { FOREGROUND_DELETION, hasFinalizer, isDeleting, ORPHAN, withoutFinalizer } from './finalizers';

const refersTo = (dep: AnyObject, uid: string | undefined) => (dep.metadata?.ownerReferences ?? []).some((r) => r.uid === uid);

/**
 * An owner being deleted with finalizers the garbage collector owns:
 *  - `orphan` (propagationPolicy=Orphan): remove our ownerReference from every dependent, then
 *    (once none refers to us) remove the `orphan` finalizer.
 *  - `foregroundDeletion` (Foreground): delete the dependents (each by `attemptToDelete`, so one
 *    with another live owner only loses its reference); remove the finalizer once no dependent
 *    with `blockOwnerDeletion: true` remains.
 * Background deletion needs nothing here: the owner is gone at once, and its dependents are
 * dangling (see `attemptToDelete`).
 *
 * `dependents` are the objects whose ownerReferences name the owner's uid; `owners` resolves
 * their other owners (the deleting owner itself included).
 */
export function reconcileOwnerDeletion(owner: AnyObject, dependents: readonly AnyObject[], owners: OwnerLookup): Action[] {
  if (!isDeleting(owner)) return [];
  const uid = owner.metadata?.uid;
  const mine = dependents.filter((d) => refersTo(d, uid));
  if (hasFinalizer(owner, ORPHAN)) {
    if (mine.length === 0) return [finalize(owner, ORPHAN)];
    return mine.map((d) => {
      const copy = structuredClone(d);
      copy.metadata!.ownerReferences = (d.metadata?.ownerReferences ?? []).filter((r) => r.uid !== uid);
      if (copy.metadata!.ownerReferences.length === 0) delete copy.metadata!.ownerReferences;
      return { type: 'update', object: copy, expectSeq: seqOf(d), intent: 'Orphaned' } as Action;
    });
  }
  if (hasFinalizer(owner, FOREGROUND_DELETION)) {
    const blocking = mine.filter((d) => (d.metadata?.ownerReferences ?? []).some((r) => r.uid === uid && r.blockOwnerDeletion === true));
    if (blocking.length === 0) return [finalize(owner, FOREGROUND_DELETION)];
    const withOwner = new Map(owners);
    if (uid) withOwner.set(uid, owner);
    return mine.flatMap((d) => attemptToDelete(d, withOwner));
  }
  return [];
}

function finalize(owner: AnyObject, finalizer: string): Action {
  return { type: 'update', object: withoutFinalizer(owner, finalizer), expectSeq: seqOf(owner), intent: 'Finalized' };
}
