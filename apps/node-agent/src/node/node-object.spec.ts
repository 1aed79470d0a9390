import { desiredNode, nodeFingerprint, KUBELET_VERSION } from './node-object';
import { renewedLease } from './lease-object';
import type { HostFacts, HostPressure } from './host-facts';

const facts: HostFacts = {
  cpus: 2, memoryBytes: 8 * 2 ** 30, os: 'linux', arch: 'amd64', kernelVersion: '6.1', osImage: 'Debian GNU/Linux 12 (bookworm)',
  containerRuntimeVersion: 'docker://20.10.24', machineID: 'm', bootID: 'b', hostname: 'h',
};
const ok: HostPressure = { memoryAvailableBytes: 4 * 2 ** 30, diskAvailableFraction: 0.5, pidsAvailableFraction: 0.99 };
const settings = { nodeName: 'n1', nodeAddress: '127.0.0.2', maxPods: 110, labels: { zone: 'a' } };
const t0 = new Date('2026-01-01T00:00:00Z');
const t1 = new Date('2026-01-01T00:00:10Z');

it('reports capacity, addresses, nodeInfo, labels and ready conditions', () => {
  const n = desiredNode(undefined, facts, { ...settings, cpu: '1500m' }, ok, t0) as any;
  expect(n.status.capacity).toEqual({ cpu: '1500m', memory: '8388608Ki', pods: '110' });
  expect(n.status.allocatable).toEqual(n.status.capacity);
  expect(n.status.addresses).toEqual([{ type: 'InternalIP', address: '127.0.0.2' }, { type: 'Hostname', address: 'n1' }]);
  expect(n.status.nodeInfo).toMatchObject({ kubeletVersion: KUBELET_VERSION, containerRuntimeVersion: 'docker://20.10.24', architecture: 'amd64', operatingSystem: 'linux' });
  expect(n.metadata.labels).toMatchObject({ 'kubernetes.io/hostname': 'n1', 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', zone: 'a' });
  expect(n.status.conditions.map((c: any) => `${c.type}=${c.status}`)).toEqual(['MemoryPressure=False', 'DiskPressure=False', 'PIDPressure=False', 'Ready=True']);
});

it('changes its fingerprint only when something other than heartbeat times changed', () => {
  const a = desiredNode(undefined, facts, settings, ok, t0);
  const b = desiredNode(a, facts, settings, ok, t1);
  expect(nodeFingerprint(b)).toBe(nodeFingerprint(a));
  expect((b.status as any).conditions[0].lastTransitionTime).toBe('2026-01-01T00:00:00Z');
  const c = desiredNode(b, facts, settings, { ...ok, diskAvailableFraction: 0.01 }, t1) as any;
  expect(nodeFingerprint(c)).not.toBe(nodeFingerprint(b));
  expect(c.status.conditions.find((x: any) => x.type === 'DiskPressure')).toMatchObject({ status: 'True', reason: 'KubeletHasDiskPressure', lastTransitionTime: '2026-01-01T00:00:10Z' });
});

it('renews the lease keeping its acquireTime while the holder is the same', () => {
  const l0 = renewedLease(undefined, 'n1', 40, t0, 'uid-n1') as any;
  expect(l0.spec).toEqual({ holderIdentity: 'n1', leaseDurationSeconds: 40, renewTime: '2026-01-01T00:00:00.000000Z', acquireTime: '2026-01-01T00:00:00.000000Z' });
  expect(l0.metadata.ownerReferences[0]).toMatchObject({ kind: 'Node', name: 'n1', uid: 'uid-n1' });
  const l1 = renewedLease(l0, 'n1', 40, t1) as any;
  expect(l1.spec.acquireTime).toBe(l0.spec.acquireTime);
  expect(l1.spec.renewTime).toBe('2026-01-01T00:00:10.000000Z');
});
