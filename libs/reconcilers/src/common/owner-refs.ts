import type { AnyObject, OwnerReference } from './wire';

/** The controller ownerReference of an object, if any. */
export function controllerRef(obj: AnyObject): OwnerReference | undefined {
  return (obj.metadata?.ownerReferences ?? []).find((r) => r.controller === true);
}

export function isControlledBy(obj: AnyObject, owner: AnyObject): boolean {
  const ref = controllerRef(obj);
  return !!ref && !!owner.metadata?.uid && ref.uid === owner.metadata.uid;
}

/** The ownerReference a controller puts on what it creates or adopts (`metav1.NewControllerRef`). */
export function newControllerRef(owner: AnyObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion ?? '',
    kind: owner.kind ?? '',
    name: owner.metadata?.name ?? '',
    uid: owner.metadata?.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

export function withoutOwner<T extends AnyObject>(obj: T, ownerUid: string): T {
  const copy = clone(obj);
  const refs = (copy.metadata?.ownerReferences ?? []).filter((r) => r.uid !== ownerUid);
  if (copy.metadata) {
    if (refs.length) copy.metadata.ownerReferences = refs;
    else delete copy.metadata.ownerReferences;
  }
  return copy;
}

export function withControllerRef<T extends AnyObject>(obj: T, owner: AnyObject): T {
  const copy = clone(obj);
  copy.metadata = copy.metadata ?? {};
  copy.metadata.ownerReferences = [...(copy.metadata.ownerReferences ?? []), newControllerRef(owner)];
  return copy;
}

export function clone<T>(x: T): T {
  return structuredClone(x);
}
