import { kindInfo, type KubeObject } from '@wake/events';

/** `Kind/namespace/name` (namespace empty for cluster-scoped objects): a key across kinds. */
export type RefKey = string;

export function refKey(kind: string, namespace: string | undefined, name: string): RefKey {
  return `${kind}/${namespace ?? ''}/${name}`;
}

export function refKeyOf(o: KubeObject): RefKey {
  return refKey(o.kind, o.metadata.namespace, o.metadata.name);
}

export function parseRefKey(key: RefKey): { kind: string; namespace: string; name: string } {
  const [kind, namespace, ...rest] = key.split('/');
  return { kind, namespace, name: rest.join('/') };
}

/** `namespace/name`, or `name` for cluster-scoped objects: the work-queue key of a controller's primary kind. */
export function nameKey(o: { metadata: { namespace?: string; name: string } }): string {
  return o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name;
}

export function parseNameKey(key: string): { namespace: string; name: string } {
  const i = key.indexOf('/');
  return i < 0 ? { namespace: '', name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

/** Where an owner named by an ownerReference lives: the dependent's namespace, or none for cluster-scoped kinds. */
export function ownerNamespace(ownerKind: string, dependentNamespace: string | undefined): string {
  return kindInfo(ownerKind)?.namespaced === false ? '' : dependentNamespace ?? '';
}
