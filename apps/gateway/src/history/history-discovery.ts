import { HISTORY_API_VERSION, HISTORY_GROUP, HISTORY_VERSION } from '@wake/history';

/**
 * How discovery shows the history API: one group, history.wake.dev/v1, whose queries over many
 * objects are read-only resources (verb `get` only, no `list`/`watch`, no categories or short
 * names), so kubectl's resource mapping, `get all` and `api-resources --verbs=list` are unchanged.
 * The per-object views (`{resource}/{name}/revisions|why`) hang off every kind and are not listed.
 */
const RESOURCES = [
  { name: 'state', kind: 'State' },
  { name: 'timeline', kind: 'Timeline' },
  { name: 'export', kind: 'LogSlice' },
] as const;

const VERBS = ['get'];
const groupVersion = { groupVersion: HISTORY_API_VERSION, version: HISTORY_VERSION };

/** The entry of /apis (APIGroupList). */
export function historyApiGroup() {
  return { name: HISTORY_GROUP, versions: [groupVersion], preferredVersion: groupVersion };
}

/** GET /apis/history.wake.dev */
export function historyApiGroupDocument() {
  return { kind: 'APIGroup', apiVersion: 'v1', ...historyApiGroup() };
}

/** GET /apis/history.wake.dev/v1 */
export function historyApiResourceList() {
  return {
    kind: 'APIResourceList', apiVersion: 'v1', groupVersion: HISTORY_API_VERSION,
    resources: RESOURCES.map((r) => ({ name: r.name, singularName: r.name, namespaced: true, kind: r.kind, verbs: VERBS })),
  };
}

/** The item of aggregated discovery (/apis, apidiscovery.k8s.io/v2). */
export function historyAggregatedGroup() {
  return {
    metadata: { name: HISTORY_GROUP },
    versions: [{
      version: HISTORY_VERSION, freshness: 'Current',
      resources: RESOURCES.map((r) => ({
        resource: r.name, responseKind: { group: HISTORY_GROUP, version: HISTORY_VERSION, kind: r.kind },
        scope: 'Namespaced', singularResource: r.name, verbs: VERBS, subresources: [],
      })),
    }],
  };
}
