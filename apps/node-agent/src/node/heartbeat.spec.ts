import { MemoryEventLog } from '@wake/events';
import { ObjectStore } from '@wake/store';
import { Heartbeat } from './heartbeat';
import type { HostFacts, HostPressure } from './host-facts';

const facts: HostFacts = {
  cpus: 2, memoryBytes: 2 ** 33, os: 'linux', arch: 'amd64', kernelVersion: '6', osImage: 'Debian', containerRuntimeVersion: 'docker://20.10', machineID: 'm', bootID: 'b', hostname: 'h',
};

async function setup() {
  const log = new MemoryEventLog();
  const store = new ObjectStore(log);
  for (const name of ['kube-node-lease']) await store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, { actor: { type: 'user', name: 'admin' } });
  let now = new Date('2026-01-01T00:00:00Z');
  let pressure: HostPressure = { memoryAvailableBytes: 2 ** 32, diskAvailableFraction: 0.5, pidsAvailableFraction: 0.9 };
  const hb = new Heartbeat(store, facts, {
    nodeName: 'n1', nodeAddress: '127.0.0.2', maxPods: 110, labels: {}, dataDir: '/tmp', leaseRenewSeconds: 10, leaseDurationSeconds: 40, statusReportSeconds: 40,
    now: () => now, pressure: async () => pressure,
  });
  const types = async (kind: string, namespace = '') => (await log.history({ kind, namespace, name: 'n1' })).map((e) => e.type);
  return { hb, types, tick: (s: number) => { now = new Date(now.getTime() + s * 1000); }, setPressure: (p: Partial<HostPressure>) => { pressure = { ...pressure, ...p }; } };
}

it('registers the Node, takes the Lease, and writes Node status only on change or every 40 s', async () => {
  const { hb, types, tick, setPressure } = await setup();
  await hb.start();
  hb.stop();
  expect(await types('Node')).toEqual(['Node.Registered']);
  expect(await types('Lease', 'kube-node-lease')).toEqual(['Lease.Acquired']);
  for (let i = 0; i < 3; i++) { tick(10); await hb.renewLease(); await hb.reportNode(false); }
  expect(await types('Node')).toEqual(['Node.Registered']);
  expect(await types('Lease', 'kube-node-lease')).toEqual(['Lease.Acquired', 'Lease.Renewed', 'Lease.Renewed', 'Lease.Renewed']);
  setPressure({ diskAvailableFraction: 0.01 });
  await hb.reportNode(false);
  expect(await types('Node')).toEqual(['Node.Registered', 'Node.StatusReported']);
  tick(41);
  await hb.reportNode(false);
  expect(await types('Node')).toEqual(['Node.Registered', 'Node.StatusReported', 'Node.StatusReported']);
});
