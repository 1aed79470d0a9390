import { isWakeError } from '@wake/events';
import { showsAllNamespaces, stateQueryOf } from './state-args';

describe('state arguments', () => {
  it('resolves the kind and keeps the namespace', () => {
    expect(stateQueryOf('deploy', 'shop')).toMatchObject({ kind: 'Deployment', namespace: 'shop' });
    expect(stateQueryOf(undefined, undefined)).toEqual({});
  });

  it('shows a NAMESPACE column across namespaces, except for cluster-scoped kinds', () => {
    expect(showsAllNamespaces(stateQueryOf('pods', undefined))).toBe(true);
    expect(showsAllNamespaces(stateQueryOf(undefined, undefined))).toBe(true);
    expect(showsAllNamespaces(stateQueryOf('nodes', undefined))).toBe(false);
    expect(showsAllNamespaces(stateQueryOf('pods', 'default'))).toBe(false);
  });

  it('refuses an unknown kind as BadRequest', () => {
    let err: unknown;
    try { stateQueryOf('widgets', undefined); } catch (e) { err = e; }
    expect(isWakeError(err, 'BadRequest')).toBe(true);
  });
});
