import { KINDS, kindInfo, WakeError, type KindInfo, type ObjectKey } from '@wake/events';

/**
 * A kind as kubectl users type it: `deployment`, `deployments`, `deploy`, `Deployment`,
 * `deployments.apps`. Unknown names are taken as a kind spelled as given (kinds are open).
 */
export function resolveKind(arg: string): KindInfo | undefined {
  const [name, ...group] = arg.split('.');
  const g = group.join('.');
  const lower = name.toLowerCase();
  return KINDS.find((k) => (!g || k.group === g) && (k.kind.toLowerCase() === lower || k.plural === lower || k.singular === lower || k.shortNames.includes(lower)))
    ?? kindInfo(arg);
}

/** `kind/name` with `-n`: the object's key; a cluster-scoped kind ignores the namespace. */
export function parseObjectRef(ref: string, namespace: string | undefined): ObjectKey {
  const slash = ref.indexOf('/');
  if (slash <= 0 || slash === ref.length - 1) throw new WakeError('BadRequest', `expected <kind>/<name>, got "${ref}"`);
  const info = resolveKind(ref.slice(0, slash));
  if (!info) throw new WakeError('BadRequest', `unknown kind "${ref.slice(0, slash)}"`);
  return { kind: info.kind, namespace: info.namespaced ? namespace ?? 'default' : '', name: ref.slice(slash + 1) };
}

/** How kubectl names a resource in `get all` output: `pod/web-1`, `deployment.apps/web`. */
export function resourcePrefix(kind: string): string {
  const info = kindInfo(kind);
  if (!info) return kind.toLowerCase();
  return info.group ? `${info.singular}.${info.group}` : info.singular;
}
