import { MemoryEventLog } from '@wake/events';
import { ObjectStore } from '@wake/store';
import { waitUntil } from '@wake/testing';
import { service } from '../testing/fixtures';
import { portRange, serviceIPRange } from './ranges';
import { ServiceAllocator } from './service-allocator';

const ranges = { serviceIPs: serviceIPRange('127.100.0.0/29'), nodePorts: portRange('30000-30002') };
const actor = { type: 'component' as const, name: 'test' };

describe('ServiceAllocator (in-memory log)', () => {
  let store: ObjectStore;
  let alloc: ServiceAllocator;
  beforeEach(async () => {
    store = new ObjectStore(new MemoryEventLog());
    alloc = await ServiceAllocator.start({ store, actor, ranges, random: () => 0 });
  });
  afterEach(() => alloc.stop());

  it('allocates an address and NodePorts as objects on the log, and releases them', async () => {
    const { service: svc } = await alloc.allocate(service('web', (s) => { s.spec.type = 'NodePort'; }));
    expect(svc.spec?.clusterIP).toBe('127.100.0.2');
    expect(svc.spec?.clusterIPs).toEqual(['127.100.0.2']);
    expect(svc.spec?.ports?.[0].nodePort).toBe(30000);
    const ip = await store.get({ kind: 'IPAddress', namespace: '', name: '127.100.0.2' });
    expect(ip?.spec).toEqual({ parentRef: { group: '', resource: 'services', namespace: 'default', name: 'web' } });
    expect((await store.log.last({ kind: 'IPAddress', namespace: '', name: '127.100.0.2' }))?.type).toBe('IPAddress.Allocated');
    expect(await store.get({ kind: 'NodePortAllocation', namespace: '', name: '30000' })).toBeDefined();
    await alloc.release(svc);
    expect(await store.get({ kind: 'IPAddress', namespace: '', name: '127.100.0.2' })).toBeUndefined();
    expect(await store.get({ kind: 'NodePortAllocation', namespace: '', name: '30000' })).toBeUndefined();
  });

  it('rejects taken values with the apiserver messages, and a full range', async () => {
    await alloc.allocate(service('a', (s) => { s.spec.type = 'NodePort'; s.spec.clusterIP = '127.100.0.5'; s.spec.ports![0].nodePort = 30001; }));
    await expect(alloc.allocate(service('b', (s) => { s.spec.clusterIP = '127.100.0.5'; }))).rejects.toThrow(
      'Service "b" is invalid: spec.clusterIPs: Invalid value: []string{"127.100.0.5"}: failed to allocate IP 127.100.0.5: provided IP is already allocated');
    await expect(alloc.allocate(service('c', (s) => { s.spec.type = 'NodePort'; s.spec.ports![0].nodePort = 30001; }))).rejects.toThrow(
      'Service "c" is invalid: spec.ports[0].nodePort: Invalid value: 30001: provided port is already allocated');
    // c's address was rolled back: the range has .2 .3 .4 .6 left for dynamic allocation (.1 is the kubernetes Service's)
    const got = [];
    for (const n of ['d', 'e', 'f', 'g']) got.push((await alloc.allocate(service(n))).service.spec?.clusterIP);
    expect(got.sort()).toEqual(['127.100.0.2', '127.100.0.3', '127.100.0.4', '127.100.0.6']);
    await expect(alloc.allocate(service('h'))).rejects.toThrow('failed to allocate a serviceIP: range is full');
    expect((await alloc.allocate(service('kubernetes', (s) => { s.spec.clusterIP = '127.100.0.1'; }))).service.spec?.clusterIP).toBe('127.100.0.1');
  });

  it('headless Services get no address; updates keep, add and free values', async () => {
    const headless = await alloc.allocate(service('h', (s) => { s.spec.clusterIP = 'None'; }));
    expect(headless.service.spec?.clusterIP).toBe('None');
    const first = (await alloc.allocate(service('web', (s) => { s.spec.type = 'NodePort'; }))).service;
    const update = await alloc.allocate(service('web', (s) => { s.spec.ports = first.spec!.ports!.map(({ nodePort: _n, ...p }) => p); }), first);
    expect(update.service.spec?.clusterIP).toBe(first.spec?.clusterIP);
    await update.commit();
    expect(await store.get({ kind: 'NodePortAllocation', namespace: '', name: String(first.spec!.ports![0].nodePort) })).toBeUndefined();
  });

  it('rebuilds its view from the log on start: a new allocator skips what is taken', async () => {
    await alloc.allocate(service('a'));
    await alloc.allocate(service('b'));
    const again = await ServiceAllocator.start({ store, actor, ranges, random: () => 0 });
    await waitUntil(() => again.ownerOfIP('127.100.0.2')?.name === 'a', 1000, 'the view');
    expect((await again.allocate(service('c'))).service.spec?.clusterIP).toBe('127.100.0.4');
    await again.stop();
  });
});
