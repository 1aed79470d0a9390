import { parseFieldSelector } from '@wake/api';

/** The authorization verb of a resource request, as kube-apiserver's RequestInfoFactory derives it. */
export function requestVerb(method: string, name: string | undefined, watch: boolean): string {
  switch (method) {
    case 'GET': case 'HEAD': return name !== undefined ? 'get' : watch ? 'watch' : 'list';
    case 'POST': return 'create';
    case 'PUT': return 'update';
    case 'PATCH': return 'patch';
    case 'DELETE': return name !== undefined ? 'delete' : 'deletecollection';
    default: return method.toLowerCase();
  }
}

/** The object a list or watch is about when its field selector pins metadata.name (RequestInfo.Name for collections). */
export function nameOfFieldSelector(selector: string | null): string | undefined {
  if (!selector) return undefined;
  try {
    return parseFieldSelector(selector).terms.find((t) => t.field === 'metadata.name' && t.operator === '=')?.value;
  } catch {
    return undefined; // the list itself answers 400
  }
}
