import type { KubeObject } from '@wake/events';
import { CacheIndexes } from './indexes';

const pod = (name: string, o: { owner?: string; node?: string; ns?: string } = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: {
    name, namespace: o.ns ?? 'default', uid: `uid-${name}`,
    ...(o.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: o.owner, uid: `uid-${o.owner}`, controller: true }] } : {}),
  },
  spec: o.node ? { nodeName: o.node } : {},
});

it('indexes dependents by owner uid, objects by namespace and pods by node, and reports what it held before', () => {
  const ix = new CacheIndexes();
  expect(ix.upsert(pod('a', { owner: 'rs1' }))).toEqual({ ownerUids: [], controllerUid: undefined });
  ix.upsert(pod('b', { owner: 'rs1', node: 'n1' }));
  ix.upsert(pod('c', { ns: 'other', node: 'n1' }));
  expect(ix.dependentsOf('uid-rs1').sort()).toEqual(['Pod/default/a', 'Pod/default/b']);
  expect(ix.inNamespace('Pod', 'default').sort()).toEqual(['Pod/default/a', 'Pod/default/b']);
  expect(ix.podsOnNode('n1').sort()).toEqual(['Pod/default/b', 'Pod/other/c']);
  expect(ix.keyByUid('uid-c')).toBe('Pod/other/c');

  // Released by rs1, bound elsewhere: the indexes move, and the old owner is reported.
  expect(ix.upsert(pod('b', { node: 'n2' }))).toEqual({ ownerUids: ['uid-rs1'], controllerUid: 'uid-rs1' });
  expect(ix.dependentsOf('uid-rs1')).toEqual(['Pod/default/a']);
  expect(ix.podsOnNode('n1')).toEqual(['Pod/other/c']);
  expect(ix.podsOnNode('n2')).toEqual(['Pod/default/b']);

  expect(ix.remove(pod('a', { owner: 'rs1' }))).toEqual({ ownerUids: ['uid-rs1'], controllerUid: 'uid-rs1' });
  expect(ix.dependentsOf('uid-rs1')).toEqual([]);
  expect(ix.keyByUid('uid-a')).toBeUndefined();
  expect(ix.inNamespace('Pod', 'default')).toEqual(['Pod/default/b']);
});
