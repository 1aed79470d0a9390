import { ipAddressObject, nodePortObject, parentRefOf, type Service } from '@wake/services';
import { ADMIN, Harness } from './testing/harness';

// A Service removed without the gateway's allocator (here straight through the store, as the garbage
// collector and the namespace controller remove them) has its ClusterIP and NodePort freed at once by
// the allocation repair, not after the 60 s grace that protects Services still being created.
let h: Harness;
beforeAll(async () => { h = await Harness.start(); }, 60_000);
afterAll(async () => { await h?.stop(); }, 60_000);

const exists = async (kind: string, name: string) => !!(await h.store.get({ kind, namespace: '', name }));

it('frees a removed Service\'s allocations at once and leaves a young one of a Service being created alone', async () => {
  const svc: Service = {
    apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' },
    spec: { type: 'NodePort', clusterIP: '127.100.3.4', clusterIPs: ['127.100.3.4'], selector: { app: 'web' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: 30444 }] },
  } as Service;
  await h.store.create(ipAddressObject('127.100.3.4', parentRefOf(svc)), { actor: ADMIN });
  await h.store.create(nodePortObject(30444, parentRefOf(svc)), { actor: ADMIN });
  // Allocated for a Service that is not stored yet (the allocator's window): must survive.
  await h.store.create(ipAddressObject('127.100.3.5', { group: '', resource: 'services', namespace: 'default', name: 'coming' }), { actor: ADMIN });
  await h.store.create(svc as never, { actor: ADMIN });

  const removedAt = Date.now();
  await h.delete('Service', 'web', 'Background');
  await h.until(async () => !(await exists('IPAddress', '127.100.3.4')) && !(await exists('NodePortAllocation', '30444')), 'the removed Service\'s ClusterIP and NodePort freed', 20_000);
  expect(Date.now() - removedAt).toBeLessThan(20_000); // well inside the 60 s grace
  expect(await exists('IPAddress', '127.100.3.5')).toBe(true);
  const released = (await h.log.history({ kind: 'IPAddress', namespace: '', name: '127.100.3.4' })).at(-1)!;
  expect(released.type).toBe('IPAddress.Deleted');
  expect(released.actor).toBe('system:controllers');
  // Caused by the Service's removal (DESIGN invariant 4: every write names its cause).
  const svcRemoved = (await h.log.history({ kind: 'Service', namespace: 'default', name: 'web' })).at(-1)!;
  expect(svcRemoved.type).toBe('Service.Deleted');
  expect(released.causationId).toBe(svcRemoved.id);
}, 60_000);
