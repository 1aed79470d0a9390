import { HISTORY_GROUP, HISTORY_VERSION } from '@wake/history';
import { badRequest, HttpError } from '../http/status';

/** The per-object views: `…/{resource}/{name}/revisions` and `…/{resource}/{name}/why`. */
export const OBJECT_VIEWS = ['revisions', 'why'] as const;
/** The queries over many objects: `…/state`, `…/timeline`, `…/export` (optionally under `namespaces/{ns}/`). */
export const COLLECTION_VIEWS = ['state', 'timeline', 'export'] as const;
export type ObjectView = (typeof OBJECT_VIEWS)[number];
export type CollectionView = (typeof COLLECTION_VIEWS)[number];

export const HISTORY_GROUP_PATH = `/apis/${HISTORY_GROUP}`;
export const HISTORY_VERSION_PATH = `${HISTORY_GROUP_PATH}/${HISTORY_VERSION}`;

/** What a path under /apis/history.wake.dev names. */
export type HistoryPath =
  | { readonly type: 'group' }
  | { readonly type: 'version' }
  | { readonly type: 'object'; readonly view: ObjectView; readonly resource: string; readonly namespace?: string; readonly name: string }
  | { readonly type: 'collection'; readonly view: CollectionView; readonly namespace?: string }
  | { readonly type: 'unknown' };

const isObjectView = (s: string | undefined): s is ObjectView => (OBJECT_VIEWS as readonly string[]).includes(s ?? '');
const isCollectionView = (s: string | undefined): s is CollectionView => (COLLECTION_VIEWS as readonly string[]).includes(s ?? '');

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(badRequest(`malformed path segment "${segment}"`));
  }
}

/**
 * Parses a path of the history API, or answers undefined for paths outside its group (which
 * Kubernetes' own groups can never use: they do not end in `wake.dev`).
 *
 *   /apis/history.wake.dev                                    APIGroup
 *   /apis/history.wake.dev/v1                                 APIResourceList
 *   /apis/history.wake.dev/v1/[namespaces/{ns}/]{resource}/{name}/(revisions|why)
 *   /apis/history.wake.dev/v1/[namespaces/{ns}/](state|timeline|export)
 *
 * `namespaces/{name}/revisions` is the Namespace object's history (as `/api/v1/namespaces/{name}`
 * is the Namespace), while `namespaces/{ns}/state` is a query in that namespace.
 */
export function parseHistoryPath(pathname: string): HistoryPath | undefined {
  const path = pathname.replace(/\/+$/, '');
  if (path !== HISTORY_GROUP_PATH && !path.startsWith(`${HISTORY_GROUP_PATH}/`)) return undefined;
  const parts = path.slice(HISTORY_GROUP_PATH.length).split('/').filter(Boolean).map(decode);
  if (parts.length === 0) return { type: 'group' };
  if (parts[0] !== HISTORY_VERSION) return { type: 'unknown' };
  let segs = parts.slice(1);
  if (segs.length === 0) return { type: 'version' };
  let namespace: string | undefined;
  if (segs[0] === 'namespaces' && segs.length >= 3 && !(segs.length === 3 && isObjectView(segs[2]))) {
    namespace = segs[1];
    segs = segs.slice(2);
  }
  const ns = namespace !== undefined ? { namespace } : {};
  if (segs.length === 1 && isCollectionView(segs[0])) return { type: 'collection', view: segs[0], ...ns };
  if (segs.length === 3 && isObjectView(segs[2]) && segs[0] && segs[1]) return { type: 'object', view: segs[2], resource: segs[0], name: segs[1], ...ns };
  return { type: 'unknown' };
}
