import type { AnyObject } from '../common/wire';

export const FOREGROUND_DELETION = 'foregroundDeletion';
export const ORPHAN = 'orphan';

export const hasFinalizer = (obj: AnyObject | undefined, f: string): boolean => !!obj?.metadata?.finalizers?.includes(f);

export const isDeleting = (obj: AnyObject | undefined): boolean => !!obj?.metadata?.deletionTimestamp;

/** Owner deleted with propagationPolicy=Foreground and still waiting for its dependents. */
export const isDeletingDependents = (obj: AnyObject | undefined): boolean => isDeleting(obj) && hasFinalizer(obj, FOREGROUND_DELETION);

export function withoutFinalizer<T extends AnyObject>(obj: T, f: string): T {
  const copy = structuredClone(obj);
  const rest = (copy.metadata?.finalizers ?? []).filter((x) => x !== f);
  if (copy.metadata) {
    if (rest.length) copy.metadata.finalizers = rest;
    else delete copy.metadata.finalizers;
  }
  return copy;
}
