import { failure, type Status } from '../http/status';

/** What an authorizer decides about: one resource request (Kubernetes' authorizer.Attributes). */
export interface RequestAttributes {
  readonly user: string;
  readonly verb: string;
  /** Plural, e.g. "secrets". */
  readonly resource: string;
  readonly group: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly subresource?: string;
}

/**
 * The 403 kube-apiserver answers when no authorizer allows a request (responsewriters.Forbidden):
 * `secrets "db" is forbidden: User "system:node:node-a" cannot get resource "secrets" in API group ""
 * in the namespace "default": <reason>`.
 */
export function forbidden(a: RequestAttributes, reason: string): Status {
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const scope = a.namespace ? `in the namespace "${a.namespace}"` : 'at the cluster scope';
  const cannot = `User "${a.user}" cannot ${a.verb} resource "${resource}" in API group "${a.group}" ${scope}${reason ? `: ${reason}` : ''}`;
  const qualified = a.group ? `${a.resource}.${a.group}` : a.resource;
  const message = a.name ? `${qualified} "${a.name}" is forbidden: ${cannot}` : `${qualified} is forbidden: ${cannot}`;
  return failure(403, 'Forbidden', message, { ...(a.name ? { name: a.name } : {}), group: a.group, kind: a.resource });
}

/** The 403 for a path that is not a resource (`forbidden: User "…" cannot get path "/…"`). */
export function forbiddenPath(user: string, verb: string, path: string): Status {
  return failure(403, 'Forbidden', `forbidden: User "${user}" cannot ${verb} path "${path}"`);
}
