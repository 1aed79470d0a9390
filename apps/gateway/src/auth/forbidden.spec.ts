import { forbidden, forbiddenPath } from './forbidden';

describe('forbidden (kube-apiserver 403 wording)', () => {
  it('names the object, the user, the verb, the resource, the group, the namespace and the reason', () => {
    expect(forbidden({ user: 'system:node:node-a', verb: 'get', resource: 'secrets', group: '', namespace: 'default', name: 'db' }, "no relationship found between node 'node-a' and this object")).toEqual({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'Forbidden', code: 403,
      message: 'secrets "db" is forbidden: User "system:node:node-a" cannot get resource "secrets" in API group "" in the namespace "default": no relationship found between node \'node-a\' and this object',
      details: { name: 'db', group: '', kind: 'secrets' },
    });
  });

  it('without a name, at the cluster scope, with a group and a subresource', () => {
    expect(forbidden({ user: 'u', verb: 'list', resource: 'secrets', group: '' }, 'No Object name found').message)
      .toBe('secrets is forbidden: User "u" cannot list resource "secrets" in API group "" at the cluster scope: No Object name found');
    expect(forbidden({ user: 'u', verb: 'get', resource: 'deployments', group: 'apps', namespace: 'ns', name: 'web', subresource: 'scale' }, '').message)
      .toBe('deployments.apps "web" is forbidden: User "u" cannot get resource "deployments/scale" in API group "apps" in the namespace "ns"');
    expect(forbiddenPath('u', 'get', '/apis/history.wake.dev/v1/state').message).toBe('forbidden: User "u" cannot get path "/apis/history.wake.dev/v1/state"');
  });
});
