import { seededRandom, type Action } from '@wake/reconcilers';
import { pod, service } from '../testing/fixtures';
import type { EndpointSlice, Endpoints } from '../wire';
import { reconcileEndpoints, type EndpointsObserved } from './reconcile-endpoints';

const env = { random: seededRandom(1) };
const stored = <T extends { metadata?: object }>(o: T, rv = '20'): T => ({ ...o, metadata: { ...o.metadata, uid: 'uid-x', resourceVersion: rv } });
const created = (actions: Action[]) => actions.filter((a): a is Extract<Action, { type: 'create' }> => a.type === 'create').map((a) => a.object);

/** Applies creates/updates/deletes to the observed state, as the shell and the informers would. */
function apply(o: EndpointsObserved, actions: Action[]): EndpointsObserved {
  let endpoints = o.endpoints;
  let slices = [...o.slices];
  for (const a of actions) {
    if (a.type === 'create' || a.type === 'update') {
      const obj = stored(a.object) as Endpoints | EndpointSlice;
      if (obj.kind === 'Endpoints') endpoints = obj as Endpoints;
      else slices = [...slices.filter((s) => s.metadata?.name !== obj.metadata?.name), obj as EndpointSlice];
    } else if (a.type === 'delete') {
      if (a.key.kind === 'Endpoints') endpoints = undefined;
      else slices = slices.filter((s) => s.metadata?.name !== a.key.name);
    }
  }
  return { ...o, endpoints, slices };
}

describe('reconcileEndpoints', () => {
  const base: EndpointsObserved = { namespace: 'default', name: 'web', service: service('web'), pods: [pod('a', 'web', { ip: '127.1.0.1' })], endpoints: undefined, slices: [] };

  it('creates the Endpoints and one owned, labelled EndpointSlice, then has nothing to do', () => {
    const actions = reconcileEndpoints(base, env);
    const [ep, slice] = created(actions) as [Endpoints, EndpointSlice];
    expect(actions.map((a) => a.type)).toEqual(['create', 'create']);
    expect(ep.subsets?.[0].addresses?.[0].ip).toBe('127.1.0.1');
    expect(slice.metadata?.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice.metadata?.labels).toMatchObject({ 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' });
    expect(slice.metadata?.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: 'uid-svc-web', controller: true, blockOwnerDeletion: true }]);
    expect(slice.addressType).toBe('IPv4');
    expect(reconcileEndpoints(apply(base, actions), env)).toEqual([]);
  });

  it('updates both with the resourceVersion read when a pod turns not ready', () => {
    const synced = apply(base, reconcileEndpoints(base, env));
    const next = { ...synced, pods: [pod('a', 'web', { ip: '127.1.0.1', ready: false })] };
    const actions = reconcileEndpoints(next, env);
    expect(actions.map((a) => [a.type, a.type === 'update' ? a.expectSeq : '', a.type === 'update' ? (a.object.kind as string) : ''])).toEqual([
      ['update', '20', 'Endpoints'], ['update', '20', 'EndpointSlice'],
    ]);
    const ep = (actions[0] as { object: Endpoints }).object;
    expect(ep.subsets?.[0].notReadyAddresses?.[0].ip).toBe('127.1.0.1');
    expect(reconcileEndpoints(apply(next, actions), env)).toEqual([]);
  });

  it('deletes both when the Service is gone, and leaves selector-less Endpoints to their owner', () => {
    const synced = apply(base, reconcileEndpoints(base, env));
    expect(reconcileEndpoints({ ...synced, service: undefined }, env).map((a) => (a.type === 'delete' ? a.key.kind : a.type))).toEqual(['Endpoints', 'EndpointSlice']);
    const noSelector = { ...synced, service: service('web', (s) => { delete s.spec.selector; }) };
    expect(reconcileEndpoints(noSelector, env).map((a) => (a.type === 'delete' ? a.key.kind : a.type))).toEqual(['EndpointSlice']);
  });

  it('replaces slices of an earlier Service with the same name', () => {
    const synced = apply(base, reconcileEndpoints(base, env));
    const recreated = { ...synced, service: service('web', (s) => { s.metadata!.uid = 'uid-new'; }) };
    const actions = reconcileEndpoints(recreated, env);
    expect(actions.map((a) => a.type)).toEqual(['delete', 'create']);
  });
});
