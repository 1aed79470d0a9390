import { kindByResource, type KindInfo } from '@wake/events';
import { badRequest, HttpError } from '../http/status';

/** What a request path names, as the apiserver's RequestInfoFactory reads it. */
export type ApiPath =
  | { readonly type: 'root-discovery'; readonly legacy: boolean } // /api or /apis
  | { readonly type: 'group-discovery'; readonly group: string } // /apis/<group>
  | { readonly type: 'version-discovery'; readonly group: string; readonly version: string } // /api/v1, /apis/<g>/<v>
  | { readonly type: 'resource'; readonly info: KindInfo; readonly namespace?: string; readonly name?: string; readonly subresource?: string }
  | { readonly type: 'unknown-resource'; readonly group: string; readonly version: string; readonly resource: string }
  | { readonly type: 'other'; readonly path: string };

/**
 * Parses `/api/v1/namespaces/ns/pods/x/log`-style paths against Wake's kinds (libs/events KINDS).
 * `/api/v1/namespaces/<name>[/status|/finalize]` is the Namespace itself.
 */
export function parseApiPath(pathname: string): ApiPath {
  const parts = pathname.split('/').filter(Boolean).map(decodeSegment);
  if (parts[0] === 'api') {
    if (parts.length === 1) return { type: 'root-discovery', legacy: true };
    return resourcePath('', parts[1], parts.slice(2), pathname);
  }
  if (parts[0] === 'apis') {
    if (parts.length === 1) return { type: 'root-discovery', legacy: false };
    if (parts.length === 2) return { type: 'group-discovery', group: parts[1] };
    return resourcePath(parts[1], parts[2], parts.slice(3), pathname);
  }
  return { type: 'other', path: pathname };
}

function resourcePath(group: string, version: string, rest: string[], pathname: string): ApiPath {
  if (rest.length === 0) return { type: 'version-discovery', group, version };
  let namespace: string | undefined;
  let segs = rest;
  if (segs[0] === 'namespaces' && segs.length >= 3 && !(group === '' && isNamespaceSubresource(segs))) {
    namespace = segs[1];
    segs = segs.slice(2);
  }
  const [resource, name, subresource, ...extra] = segs;
  if (extra.length) return { type: 'other', path: pathname };
  const info = kindByResource(group, resource);
  if (!info || info.version !== version) return { type: 'unknown-resource', group, version, resource };
  if (namespace !== undefined && !info.namespaced) return { type: 'unknown-resource', group, version, resource };
  return {
    type: 'resource', info,
    ...(namespace !== undefined ? { namespace } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(subresource !== undefined ? { subresource } : {}),
  };
}

/** `namespaces/<name>/status` and `namespaces/<name>/finalize` are subresources, not a resource in a namespace. */
function isNamespaceSubresource(segs: string[]): boolean {
  return segs.length === 3 && (segs[2] === 'status' || segs[2] === 'finalize');
}

/** A percent-decoded path segment; malformed encoding (`%zz`) is a 400, not a crash. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(badRequest(`malformed path segment "${segment}"`));
  }
}
