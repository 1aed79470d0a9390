import type { KubeObject } from '@wake/events';
import type { Actor } from '@wake/store';
import { decideAccess } from './access-decision';
import { rulesFor } from './rules-review';
import { userInfoOf } from './user-info';

const admin: Actor = { type: 'user', name: 'wake-admin', groups: ['system:masters', 'system:authenticated'] };
const node: Actor = { type: 'node', node: 'node-a' };
const pod = (name: string, nodeName: string, secret?: string): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' },
  spec: { nodeName, containers: [{ name: 'c', image: 'i', ...(secret ? { env: [{ name: 'X', valueFrom: { secretKeyRef: { name: secret, key: 'k' } } }] } : {}) }] },
} as KubeObject);
const mine = pod('web-1', 'node-a', 'db');
const theirs = pod('web-2', 'node-b', 'other');

describe('decideAccess', () => {
  it('allows users everything (Wake has no RBAC)', () => {
    expect(decideAccess(admin, { verb: 'create', group: 'apps', resource: 'deployments', namespace: 'default' }, { podsOnNode: [] }).allowed).toBe(true);
    expect(decideAccess(admin, { verb: 'delete', resource: 'nodes' }, { podsOnNode: [] }).allowed).toBe(true);
  });
  it("answers for a node by the Node authorizer's reads", () => {
    const can = (attrs: object) => decideAccess(node, attrs, { podsOnNode: [mine] });
    expect(can({ verb: 'get', resource: 'pods', namespace: 'default' }).allowed).toBe(true);
    expect(can({ verb: 'get', resource: 'secrets', namespace: 'default', name: 'db' }).allowed).toBe(true);
    expect(can({ verb: 'get', resource: 'secrets', namespace: 'default', name: 'other' })).toEqual({ allowed: false, reason: "no relationship found between node 'node-a' and this object" });
    expect(can({ verb: 'list', resource: 'secrets', namespace: 'default' }).allowed).toBe(false);
    expect(can({ verb: 'list', group: 'metrics.k8s.io', resource: 'pods', namespace: 'default' }).allowed).toBe(false);
    expect(decideAccess(admin, { verb: 'list', group: 'metrics.k8s.io', resource: 'nodes' }, { podsOnNode: [] }).allowed).toBe(true);
  });
  it('and by NodeRestriction for writes', () => {
    const can = (attrs: object, current?: KubeObject) => decideAccess(node, attrs, { current, podsOnNode: [] }).allowed;
    expect(can({ verb: 'create', group: 'apps', resource: 'deployments', namespace: 'default' })).toBe(false);
    expect(can({ verb: 'create', resource: 'pods', namespace: 'default' })).toBe(false);
    expect(can({ verb: 'patch', resource: 'nodes', name: 'node-a' })).toBe(true);
    expect(can({ verb: 'patch', resource: 'nodes', name: 'node-b' })).toBe(false);
    expect(can({ verb: 'delete', resource: 'nodes', name: 'node-a' })).toBe(false);
    expect(can({ verb: 'update', group: 'coordination.k8s.io', resource: 'leases', namespace: 'kube-node-lease', name: 'node-a' })).toBe(true);
    expect(can({ verb: 'update', resource: 'pods', subresource: 'status', namespace: 'default', name: 'web-1' }, mine)).toBe(true);
    expect(can({ verb: 'update', resource: 'pods', namespace: 'default', name: 'web-1' }, mine)).toBe(false);
    expect(can({ verb: 'delete', resource: 'pods', namespace: 'default', name: 'web-2' }, theirs)).toBe(false);
    expect(can({ verb: 'delete', resource: 'pods', namespace: 'default', name: 'web-1' }, mine)).toBe(true);
    expect(can({ verb: 'create', resource: 'events', namespace: 'default' })).toBe(true);
    expect(can({ verb: '*', resource: '*' })).toBe(false);
  });
});

describe('rulesFor', () => {
  it('gives users everything', () => {
    expect(rulesFor(admin, 'default', []).resourceRules).toEqual([{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }]);
  });
  it("lists a node's reads, the secrets its pods reference there, and its writes", () => {
    const rules = rulesFor(node, 'default', [mine]).resourceRules;
    expect(rules.find((r) => r.resources.includes('secrets'))).toEqual({ verbs: ['get'], apiGroups: [''], resources: ['secrets'], resourceNames: ['db'] });
    expect(rules.find((r) => r.verbs.includes('list') && r.apiGroups[0] === '')!.resources).toContain('pods');
    expect(rules.find((r) => r.verbs.includes('list') && r.apiGroups[0] === '')!.resources).not.toContain('secrets');
    expect(rules).toContainEqual({ verbs: ['delete'], apiGroups: [''], resources: ['pods'], resourceNames: ['web-1'] });
    const writesLeases = (rs: typeof rules) => rs.some((r) => r.resources.includes('leases') && r.verbs.includes('update'));
    expect(writesLeases(rules)).toBe(false);
    expect(writesLeases(rulesFor(node, 'kube-node-lease', []).resourceRules)).toBe(true);
  });
});

describe('userInfoOf', () => {
  it('names users and nodes as kube-apiserver does', () => {
    expect(userInfoOf(admin)).toEqual({ username: 'wake-admin', groups: ['system:masters', 'system:authenticated'] });
    expect(userInfoOf(node)).toEqual({ username: 'system:node:node-a', groups: ['system:nodes', 'system:authenticated'] });
  });
});
