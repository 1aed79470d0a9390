import type { KubeObject } from '@wake/events';
import { nodeReadRefusal, type NodeReadRequest } from './node-reads';

const pod = (name: string, nodeName: string | undefined, spec: Record<string, unknown>, namespace = 'default'): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, spec: { ...(nodeName ? { nodeName } : {}), containers: [{ name: 'c', image: 'i' }], ...spec },
});
const pods = [
  pod('web', 'node-a', { containers: [{ name: 'c', image: 'i', envFrom: [{ secretRef: { name: 'db' } }] }], volumes: [{ name: 'cfg', configMap: { name: 'web-conf' } }, { name: 'd', persistentVolumeClaim: { claimName: 'data' } }] }),
  pod('other', 'node-b', { imagePullSecrets: [{ name: 'regcred' }] }),
  pod('pending', undefined, { imagePullSecrets: [{ name: 'pending-cred' }] }),
  pod('web', 'node-a', { imagePullSecrets: [{ name: 'team-cred' }] }, 'team'),
];
const get = (kind: string, name: string, extra: Partial<NodeReadRequest> = {}): NodeReadRequest => ({ verb: 'get', kind, namespace: 'default', name, ...extra });
const NO = "no relationship found between node 'node-a' and this object";

describe('nodeReadRefusal (the Node authorizer for Secrets, ConfigMaps and claims)', () => {
  it.each<[string, NodeReadRequest, string | undefined]>([
    ['a Secret its pod takes env from', get('Secret', 'db'), undefined],
    ['a ConfigMap its pod mounts', get('ConfigMap', 'web-conf'), undefined],
    ['a claim its pod mounts', get('PersistentVolumeClaim', 'data'), undefined],
    ['a watch of that one Secret (name from the field selector)', get('Secret', 'db', { verb: 'watch' }), undefined],
    ["another node's pod's Secret", get('Secret', 'regcred'), NO],
    ["an unbound pod's Secret", get('Secret', 'pending-cred'), NO],
    ['a Secret of the same name as one its pod uses, but a ConfigMap', get('ConfigMap', 'db'), NO],
    ["its pod's Secret name in another namespace", get('Secret', 'db', { namespace: 'team' }), NO],
    ['a Secret its pod in that namespace uses', get('Secret', 'team-cred', { namespace: 'team' }), undefined],
    ['a list of every Secret', get('Secret', '', { verb: 'list', name: undefined }), 'No Object name found'],
    ['Secrets across namespaces', get('Secret', 'db', { verb: 'list', namespace: undefined }), 'can only read namespaced object of this type'],
    ['writing a Secret its pod uses', get('Secret', 'db', { verb: 'update' }), 'can only read resources of this type'],
    ['a subresource', get('PersistentVolumeClaim', 'data', { subresource: 'status' }), 'cannot read subresource'],
    ['kinds it reads freely (Services)', { verb: 'list', kind: 'Service', namespace: 'default' }, undefined],
  ])('%s', (_, req, expected) => {
    expect(nodeReadRefusal('node-a', req, pods)).toBe(expected);
  });
});
