import { connect, type NatsConnection } from 'nats';
import { JetStreamEventLog } from '@wake/events';
import { ObjectStore } from '@wake/store';
import { TestNatsServer, waitUntil } from '@wake/testing';
import { service } from '../testing/fixtures';
import { portRange, serviceIPRange } from './ranges';
import { ServiceAllocator } from './service-allocator';

// A /26 (61 dynamic addresses) and 60 NodePorts: 50 allocations in them collide often.
const ranges = { serviceIPs: serviceIPRange('127.100.0.0/26'), nodePorts: portRange('30000-30059') };
const COUNT = 50;

let server: TestNatsServer;
const conns: NatsConnection[] = [];

async function openAllocator(name: string): Promise<{ alloc: ServiceAllocator; store: ObjectStore }> {
  const nc = await connect({ servers: server.url, name });
  conns.push(nc);
  const store = new ObjectStore(await JetStreamEventLog.open(nc));
  // The same random sequence in both, so that they race for the same candidates.
  let i = 0;
  const alloc = await ServiceAllocator.start({ store, ranges, random: () => ((i++ * 7) % 10) / 10, actor: { type: 'component', name } });
  return { alloc, store };
}

beforeAll(async () => { server = await TestNatsServer.start(); });
afterAll(async () => {
  for (const nc of conns) await nc.close().catch(() => undefined);
  await server.stop();
});

it('never hands one address or port to two Services: 50 concurrent allocations by two allocators on JetStream', async () => {
  const a = await openAllocator('allocator-a');
  const b = await openAllocator('allocator-b');
  const results = await Promise.all(Array.from({ length: COUNT }, (_, i) =>
    (i % 2 ? a : b).alloc.allocate(service(`svc-${i}`, (s) => { s.spec.type = 'NodePort'; }))));
  const ips = results.map((r) => r.service.spec!.clusterIP!);
  const ports = results.map((r) => r.service.spec!.ports![0].nodePort!);
  expect(new Set(ips).size).toBe(COUNT);
  expect(new Set(ports).size).toBe(COUNT);
  // The log agrees: each value's object names the Service that got it.
  for (const [i, ip] of ips.entries()) {
    const obj = await a.store.get({ kind: 'IPAddress', namespace: '', name: ip });
    expect((obj?.spec as { parentRef: { name: string } }).parentRef.name).toBe(`svc-${i}`);
  }
  let allocated = 0;
  for await (const e of a.store.log.read({ filter: { kind: 'NodePortAllocation' } })) if (e.type.endsWith('.Allocated')) allocated++;
  expect(allocated).toBe(COUNT); // losers of a race wrote nothing
  expect(a.alloc.stats.lostRaces + b.alloc.stats.lostRaces).toBeGreaterThan(0); // and there were races
  expect(a.alloc.stats.claimed + b.alloc.stats.claimed).toBe(2 * COUNT);

  // Restart NATS and open a fresh allocator: its view, rebuilt from the log, holds all 50.
  await a.alloc.stop();
  await b.alloc.stop();
  await server.restart();
  const c = await openAllocator('allocator-c');
  await waitUntil(() => ips.every((ip, i) => c.alloc.ownerOfIP(ip)?.name === `svc-${i}`), 5000, 'the view from the log');
  expect(ports.every((p, i) => c.alloc.ownerOfNodePort(p)?.name === `svc-${i}`)).toBe(true);
  const next = await c.alloc.allocate(service('svc-late', (s) => { s.spec.type = 'NodePort'; }));
  expect(ips).not.toContain(next.service.spec!.clusterIP);
  expect(ports).not.toContain(next.service.spec!.ports![0].nodePort);
  await expect(c.alloc.allocate(service('dup', (s) => { s.spec.clusterIP = ips[0]; }))).rejects.toThrow('provided IP is already allocated');

  // Releasing a deleted Service frees its values for others.
  await c.alloc.release(results[0].service);
  const reuse = await c.alloc.allocate(service('svc-reuse', (s) => { s.spec.clusterIP = ips[0]; s.spec.type = 'NodePort'; s.spec.ports![0].nodePort = ports[0]; }));
  expect(reuse.service.spec?.clusterIP).toBe(ips[0]);
  await c.alloc.stop();
});
