import { HISTORY_GROUP, HISTORY_VERSION } from '@wake/history';
import { describeServedGroup } from '../discovery/served-group';

/**
 * How discovery shows the history API: one group, history.wake.dev/v1, whose queries over many
 * objects are read-only resources (verb `get` only, no `list`/`watch`, no categories or short
 * names), so kubectl's resource mapping, `get all` and `api-resources --verbs=list` are unchanged.
 * The per-object views (`{resource}/{name}/revisions|why`) hang off every kind and are not listed.
 */
const history = describeServedGroup({
  group: HISTORY_GROUP, version: HISTORY_VERSION, verbs: ['get'],
  resources: [
    { name: 'state', kind: 'State', namespaced: true, singularName: 'state' },
    { name: 'timeline', kind: 'Timeline', namespaced: true, singularName: 'timeline' },
    { name: 'export', kind: 'LogSlice', namespaced: true, singularName: 'export' },
  ],
});

export const historyApiGroup = history.apiGroup;
export const historyApiGroupDocument = history.apiGroupDocument;
export const historyApiResourceList = history.apiResourceList;
export const historyAggregatedGroup = history.aggregatedGroup;
