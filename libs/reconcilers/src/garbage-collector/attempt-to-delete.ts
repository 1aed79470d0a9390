import { type Action, type Propagation, refOf, seqOf } from '../common/action';
import type { AnyObject } from '../common/wire';
import { FOREGROUND_DELETION, hasFinalizer, isDeleting, isDeletingDependents, ORPHAN } from './finalizers';

/**
 * The owners of a dependent, by uid, as the shell found them. An absent uid means the
 * owner does not exist: the shell must confirm that against the store (a live read, as
 * Kubernetes' garbage collector does), not only its cache, before calling.
 */
export type OwnerLookup = ReadonlyMap<string, AnyObject>;

/**
 * `attemptToDeleteItem` for one dependent: classify its ownerReferences as solid (owner
 * exists and is not foreground-deleting), dangling (owner gone) or waiting (owner deleting
 * with foregroundDeletion). With a solid owner left, the dangling and waiting references are
 * removed; with only waiting owners it is deleted in the foreground; with only dangling ones
 * it is deleted with the policy its own finalizers ask for (Background by default).
 */
export function attemptToDelete(dependent: AnyObject, owners: OwnerLookup): Action[] {
  if (isDeleting(dependent) && !isDeletingDependents(dependent)) return [];
  const refs = dependent.metadata?.ownerReferences ?? [];
  if (refs.length === 0) return [];
  const solid: string[] = [];
  const dangling: string[] = [];
  const waiting: string[] = [];
  for (const ref of refs) {
    const owner = owners.get(ref.uid);
    if (!owner) dangling.push(ref.uid);
    else if (isDeletingDependents(owner)) waiting.push(ref.uid);
    else solid.push(ref.uid);
  }
  if (solid.length) {
    if (!dangling.length && !waiting.length) return [];
    const drop = new Set([...dangling, ...waiting]);
    const copy = structuredClone(dependent);
    copy.metadata!.ownerReferences = refs.filter((r) => !drop.has(r.uid));
    return [{ type: 'update', object: copy, expectSeq: seqOf(dependent), intent: 'OwnerReferencesRemoved' }];
  }
  if (isDeleting(dependent)) return []; // already deleting its own dependents
  let propagation: Propagation = 'Background';
  if (waiting.length) propagation = 'Foreground';
  else if (hasFinalizer(dependent, ORPHAN)) propagation = 'Orphan';
  else if (hasFinalizer(dependent, FOREGROUND_DELETION)) propagation = 'Foreground';
  return [{ type: 'delete', key: refOf(dependent), propagation, intent: 'GarbageCollected' }];
}
