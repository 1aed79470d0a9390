import type { AnyObject, Namespace } from '../common/wire';
import { at, iso, ofType } from '../testing/fixtures';
import { reconcileNamespace } from './reconcile-namespace';

const ns = (o: { deleting?: boolean; finalizers?: string[]; status?: Namespace['status'] } = {}): Namespace => ({
  apiVersion: 'v1', kind: 'Namespace',
  metadata: { name: 'team', uid: 'uid-team', resourceVersion: '9', ...(o.deleting ? { deletionTimestamp: iso(0) } : {}) },
  spec: { finalizers: o.finalizers ?? ['kubernetes'] },
  ...(o.status ? { status: o.status } : { status: { phase: 'Active' } }),
});
const item = (kind: string, apiVersion: string, name: string, extra: Record<string, unknown> = {}): AnyObject =>
  ({ apiVersion, kind, metadata: { name, namespace: 'team', uid: `uid-${name}`, resourceVersion: '4', ...extra } });

describe('reconcileNamespace', () => {
  it('does nothing to a live namespace', () => {
    expect(reconcileNamespace(ns(), [item('Pod', 'v1', 'p')], at(0))).toEqual([]);
  });

  it('marks Terminating, deletes content in the background, reports what remains, requeues', () => {
    const contents = [
      item('Pod', 'v1', 'p1'),
      item('Pod', 'v1', 'p2', { deletionTimestamp: iso(30), finalizers: ['foregroundDeletion'] }),
      item('ReplicaSet', 'apps/v1', 'rs'),
      item('Pod', 'v1', 'elsewhere', { namespace: 'other' }),
    ];
    const actions = reconcileNamespace(ns({ deleting: true }), contents, at(10));
    expect(ofType(actions, 'delete').map((d) => [d.key.kind, d.key.name, d.propagation])).toEqual([['Pod', 'p1', 'Background'], ['ReplicaSet', 'rs', 'Background']]);
    const st = ofType(actions, 'updateStatus')[0].object as Namespace;
    expect(st.status?.phase).toBe('Terminating');
    expect(st.status?.conditions?.find((c) => c.type === 'NamespaceContentRemaining')).toMatchObject({
      status: 'True', message: 'Some resources are remaining: pods has 2 resource instances, replicasets.apps has 1 resource instances',
    });
    expect(st.status?.conditions?.find((c) => c.type === 'NamespaceFinalizersRemaining')?.message)
      .toBe('Some content in the namespace has finalizers remaining: foregroundDeletion has 1 resource instances');
    expect(ofType(actions, 'requeueAfter')).toEqual([{ type: 'requeueAfter', seconds: 20 }]);
  });

  it('removes the kubernetes finalizer when empty', () => {
    const actions = reconcileNamespace(ns({ deleting: true, finalizers: ['kubernetes', 'x'] }), [], at(10));
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ type: 'update', intent: 'Finalized', expectSeq: '9' });
    expect((actions[0] as { object: Namespace }).object.spec?.finalizers).toEqual(['x']);
  });

  it('is done once finalized', () => {
    expect(reconcileNamespace(ns({ deleting: true, finalizers: [] }), [], at(10))).toEqual([]);
  });
});
