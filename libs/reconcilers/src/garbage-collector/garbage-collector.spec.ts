import type { AnyObject } from '../common/wire';
import { attemptToDelete } from './attempt-to-delete';
import { reconcileOwnerDeletion } from './owner-deletion';

const obj = (name: string, o: { owners?: Array<[string, boolean?]>; finalizers?: string[]; deleting?: boolean; kind?: string } = {}): AnyObject => ({
  apiVersion: 'v1', kind: o.kind ?? 'Pod',
  metadata: {
    name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '3',
    ...(o.owners ? { ownerReferences: o.owners.map(([n, block]) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: n, uid: `uid-${n}`, controller: true, ...(block === undefined ? {} : { blockOwnerDeletion: block }) })) } : {}),
    ...(o.finalizers ? { finalizers: o.finalizers } : {}),
    ...(o.deleting ? { deletionTimestamp: '2025-01-01T00:00:00Z' } : {}),
  },
});
const lookup = (...objs: AnyObject[]) => new Map(objs.map((o) => [o.metadata!.uid!, o]));

describe('attemptToDelete (orphan detection)', () => {
  const live = obj('rs1', { kind: 'ReplicaSet' });
  const fg = obj('rs2', { kind: 'ReplicaSet', deleting: true, finalizers: ['foregroundDeletion'] });
  it.each([
    ['no owner refs: nothing', obj('p'), lookup(), []],
    ['owner alive: nothing', obj('p', { owners: [['rs1']] }), lookup(live), []],
    ['owner gone: background delete', obj('p', { owners: [['gone']] }), lookup(), [{ type: 'delete', propagation: 'Background', name: 'p' }]],
    ['owner gone, dependent has orphan finalizer: orphan delete', obj('p', { owners: [['gone']], finalizers: ['orphan'] }), lookup(), [{ type: 'delete', propagation: 'Orphan', name: 'p' }]],
    ['owner foreground-deleting: foreground delete', obj('p', { owners: [['rs2', true]] }), lookup(fg), [{ type: 'delete', propagation: 'Foreground', name: 'p' }]],
    ['one live, one gone: drop the dangling ref', obj('p', { owners: [['rs1'], ['gone']] }), lookup(live), [{ type: 'update', refs: ['uid-rs1'] }]],
    ['already deleting: nothing', obj('p', { owners: [['gone']], deleting: true }), lookup(), []],
  ])('%s', (_n, dep, owners, want) => {
    const got = attemptToDelete(dep, owners).map((a) =>
      a.type === 'delete' ? { type: a.type, propagation: a.propagation, name: a.key.name }
        : a.type === 'update' ? { type: a.type, refs: a.object.metadata?.ownerReferences?.map((r) => r.uid) } : a);
    expect(got).toEqual(want);
  });
});

describe('reconcileOwnerDeletion', () => {
  it('Foreground: deletes dependents, keeps the finalizer while blocking dependents remain', () => {
    const owner = obj('rs', { kind: 'ReplicaSet', deleting: true, finalizers: ['foregroundDeletion'] });
    const deps = [obj('a', { owners: [['rs', true]] }), obj('b', { owners: [['rs', false]] }), obj('c', { owners: [['rs', true]], deleting: true })];
    const actions = reconcileOwnerDeletion(owner, deps, lookup());
    expect(actions.map((a) => (a.type === 'delete' ? [a.key.name, a.propagation] : a.type))).toEqual([['a', 'Foreground'], ['b', 'Foreground']]);
  });

  it('Foreground: removes foregroundDeletion once no blocking dependent is left', () => {
    const owner = obj('rs', { kind: 'ReplicaSet', deleting: true, finalizers: ['foregroundDeletion', 'other'] });
    const actions = reconcileOwnerDeletion(owner, [obj('b', { owners: [['rs', false]] })], lookup());
    expect(actions).toEqual([expect.objectContaining({ type: 'update', intent: 'Finalized', expectSeq: '3' })]);
    expect((actions[0] as { object: AnyObject }).object.metadata?.finalizers).toEqual(['other']);
  });

  it('Orphan: removes the ownerReferences, then the orphan finalizer', () => {
    const owner = obj('rs', { kind: 'ReplicaSet', deleting: true, finalizers: ['orphan'] });
    const deps = [obj('a', { owners: [['rs', true]] }), obj('b', { owners: [['rs', true], ['other']] })];
    const first = reconcileOwnerDeletion(owner, deps, lookup());
    expect(first.map((a) => a.type === 'update' && [a.object.metadata?.name, a.object.metadata?.ownerReferences?.map((r) => r.uid) ?? null])).toEqual([
      ['a', null], ['b', ['uid-other']],
    ]);
    const done = reconcileOwnerDeletion(owner, [], lookup());
    expect(done).toEqual([expect.objectContaining({ type: 'update', intent: 'Finalized' })]);
    expect((done[0] as { object: AnyObject }).object.metadata?.finalizers).toBeUndefined();
  });

  it('not deleting: nothing', () => {
    expect(reconcileOwnerDeletion(obj('rs'), [obj('a', { owners: [['rs', true]] })], lookup())).toEqual([]);
  });
});
