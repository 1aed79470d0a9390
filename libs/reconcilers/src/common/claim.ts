import { type Action, seqOf } from './action';
import { selectorMatches } from './label-selector';
import { controllerRef, withControllerRef, withoutOwner } from './owner-refs';
import type { AnyObject, LabelSelector } from './wire';

export interface Claimed<T extends AnyObject> {
  /** The objects the owner controls after adoption/release (adopted ones in their new form). */
  owned: T[];
  /** Names of objects adopted in this pass (their update is in `actions`). */
  adopted: Set<string>;
  actions: Action[];
}

/**
 * `ControllerRefManager.ClaimObjects`: keep what we own and still match, adopt matching
 * orphans (not being deleted, same namespace), release what we own but no longer match.
 * An owner being deleted neither adopts nor releases.
 * Adoption and release are updates with the object's resourceVersion as expectation; the
 * shell should re-check the owner's uid before adopting (Kubernetes' `canAdopt`).
 */
export function claim<T extends AnyObject>(owner: AnyObject, selector: LabelSelector | undefined, candidates: readonly T[]): Claimed<T> {
  const owned: T[] = [];
  const adopted = new Set<string>();
  const actions: Action[] = [];
  const ownerUid = owner.metadata?.uid;
  const ownerDeleting = !!owner.metadata?.deletionTimestamp;
  for (const obj of candidates) {
    const ref = controllerRef(obj);
    const matches = selectorMatches(selector, obj.metadata?.labels);
    if (ref) {
      if (ref.uid !== ownerUid) continue;
      if (matches) owned.push(obj);
      else if (!ownerDeleting) {
        actions.push({ type: 'update', object: withoutOwner(obj, ref.uid), expectSeq: seqOf(obj), intent: 'Released' });
      }
      continue;
    }
    if (ownerDeleting || !matches || obj.metadata?.deletionTimestamp) continue;
    if ((owner.metadata?.namespace ?? '') !== (obj.metadata?.namespace ?? '')) continue;
    const adoptedObj = withControllerRef(obj, owner);
    actions.push({ type: 'update', object: adoptedObj, expectSeq: seqOf(obj), intent: 'Adopted' });
    adopted.add(obj.metadata?.name ?? '');
    owned.push(adoptedObj);
  }
  return { owned, adopted, actions };
}
