import { MemoryEventLog, type KubeObject } from '@wake/events';
import { seededRandom, type Action } from '@wake/reconcilers';
import { ObjectStore } from '@wake/store';
import { pod, service } from '../testing/fixtures';
import { createDefaultNamespace } from '../testing/namespace';
import type { EndpointSlice, Endpoints } from '../wire';
import { reconcileEndpoints, type EndpointsObserved } from './reconcile-endpoints';

const actor = { type: 'component' as const, name: 'endpoints-controller' };

/** The controllers shell in miniature: each action becomes one write through the shared ObjectStore. */
async function run(store: ObjectStore, actions: Action[]): Promise<void> {
  for (const a of actions) {
    if (a.type === 'create') await store.create(a.object as KubeObject, { actor, intent: a.intent });
    else if (a.type === 'update') await store.update({ ...(a.object as KubeObject), metadata: { ...(a.object as KubeObject).metadata, resourceVersion: a.expectSeq } }, { actor, intent: a.intent });
    else if (a.type === 'delete') await store.delete({ kind: a.key.kind, namespace: a.key.namespace ?? '', name: a.key.name }, { actor, preconditions: { uid: a.key.uid, resourceVersion: a.expectSeq } });
  }
}

async function observe(store: ObjectStore, base: Omit<EndpointsObserved, 'endpoints' | 'slices'>): Promise<EndpointsObserved> {
  const endpoints = await store.get({ kind: 'Endpoints', namespace: 'default', name: base.name }) as Endpoints | undefined;
  const slices: EndpointSlice[] = [];
  for await (const e of store.log.read({ filter: { kind: 'EndpointSlice', namespace: 'default' } })) {
    const s = await store.get({ kind: 'EndpointSlice', namespace: 'default', name: e.name });
    if (s && !slices.some((x) => x.metadata?.name === e.name)) slices.push(s as EndpointSlice);
  }
  return { ...base, endpoints, slices };
}

it('writes Endpoints and EndpointSlices the shared validation accepts, and converges', async () => {
  const store = new ObjectStore(new MemoryEventLog());
  await createDefaultNamespace(store);
  const env = { random: seededRandom(7) };
  const svc = service('web', (s) => { s.spec.ports = [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }]; });
  const base = { namespace: 'default', name: 'web', service: svc, pods: [pod('a', 'web', { ip: '127.1.0.1' }), pod('b', 'web', { ip: '127.1.0.2', ready: false }), pod('t', 'web', { ip: '127.1.0.3', terminating: true })] };
  await run(store, reconcileEndpoints(await observe(store, base), env));
  expect(reconcileEndpoints(await observe(store, base), env)).toEqual([]);
  const moved = { ...base, pods: [pod('a', 'web', { ip: '127.1.0.1', ready: false })] };
  await run(store, reconcileEndpoints(await observe(store, moved), env));
  const after = await observe(store, moved);
  expect(after.endpoints?.subsets?.[0].notReadyAddresses?.map((a) => a.ip)).toEqual(['127.1.0.1']);
  expect(reconcileEndpoints(after, env)).toEqual([]);
  await run(store, reconcileEndpoints({ ...after, service: undefined }, env));
  const gone = await observe(store, { ...moved, service: undefined });
  expect([gone.endpoints, gone.slices]).toEqual([undefined, []]);
});
