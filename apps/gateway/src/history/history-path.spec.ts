import { HttpError } from '../http/status';
import { parseHistoryPath } from './history-path';

const P = '/apis/history.wake.dev/v1';

describe('history API paths', () => {
  it('leaves every other path to the Kubernetes router', () => {
    expect(parseHistoryPath('/apis/apps/v1/deployments')).toBeUndefined();
    expect(parseHistoryPath('/apis/history.wake.devx/v1/state')).toBeUndefined();
    expect(parseHistoryPath('/api/v1/pods')).toBeUndefined();
  });

  it('names the group and version documents', () => {
    expect(parseHistoryPath('/apis/history.wake.dev')).toEqual({ type: 'group' });
    expect(parseHistoryPath('/apis/history.wake.dev/')).toEqual({ type: 'group' });
    expect(parseHistoryPath(P)).toEqual({ type: 'version' });
    expect(parseHistoryPath('/apis/history.wake.dev/v2/state')).toEqual({ type: 'unknown' });
  });

  it('reads per-object views, namespaced or cluster-scoped, with encoded names', () => {
    expect(parseHistoryPath(`${P}/namespaces/default/deployments.apps/web/revisions`)).toEqual({ type: 'object', view: 'revisions', resource: 'deployments.apps', namespace: 'default', name: 'web' });
    expect(parseHistoryPath(`${P}/nodes/node-a/why`)).toEqual({ type: 'object', view: 'why', resource: 'nodes', name: 'node-a' });
    expect(parseHistoryPath(`${P}/namespaces/default/configmaps/web%2Ev1/why`)).toMatchObject({ name: 'web.v1' });
  });

  it('tells the Namespace object from queries in a namespace', () => {
    expect(parseHistoryPath(`${P}/namespaces/shop/revisions`)).toEqual({ type: 'object', view: 'revisions', resource: 'namespaces', name: 'shop' });
    expect(parseHistoryPath(`${P}/namespaces/shop/state`)).toEqual({ type: 'collection', view: 'state', namespace: 'shop' });
    expect(parseHistoryPath(`${P}/timeline`)).toEqual({ type: 'collection', view: 'timeline' });
    expect(parseHistoryPath(`${P}/namespaces/shop/export`)).toEqual({ type: 'collection', view: 'export', namespace: 'shop' });
  });

  it('answers unknown for anything else, and 400 for a malformed segment', () => {
    for (const p of [`${P}/pods`, `${P}/namespaces/default/pods/web`, `${P}/pods/web/log`, `${P}/namespaces/default/pods/web/revisions/x`, `${P}/state/x`]) {
      expect(parseHistoryPath(p)).toEqual({ type: 'unknown' });
    }
    expect(() => parseHistoryPath(`${P}/namespaces/%zz/state`)).toThrow(HttpError);
  });
});
