import type { KubeObject } from '@wake/events';
import { validateObject } from '@wake/api';
import { nodeLease, reportedRunning, runningStatus, simulatedNode, SIMULATED_TOLERATION, toleratesSimulated } from './objects';

const now = new Date('2025-05-01T12:00:00.123Z');
const pod = (o: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid: 'u-p' },
  spec: { nodeName: 'sim-0', containers: [{ name: 'app', image: 'nginx:1' }], ...o },
});

it('describes a simulated node as such: label, annotation, taint, Ready=True', () => {
  const n = simulatedNode('sim-0', now, true);
  expect(n.metadata.labels).toMatchObject({ 'wake.dev/simulated': 'true', 'kubernetes.io/hostname': 'sim-0' });
  expect(n.metadata.annotations?.['wake.dev/simulated']).toMatch(/SIMULATED/);
  expect((n.spec as { taints: unknown[] }).taints).toEqual([{ key: 'wake.dev/simulated', value: 'true', effect: 'NoSchedule' }]);
  expect((n.status as { conditions: Array<{ type: string; status: string }> }).conditions[0]).toMatchObject({ type: 'Ready', status: 'True' });
  expect(validateObject(n, { operation: 'create' })).toEqual([]);
  expect(simulatedNode('sim-0', now, false).spec).toEqual({});
});

it('holds a node lease in kube-node-lease owned by the node', () => {
  const lease = nodeLease({ ...simulatedNode('sim-0', now, true), metadata: { name: 'sim-0', uid: 'u-n' } }, 40, now);
  expect(lease.metadata).toMatchObject({ name: 'sim-0', namespace: 'kube-node-lease', ownerReferences: [{ kind: 'Node', uid: 'u-n' }] });
  expect(lease.spec).toEqual({ holderIdentity: 'sim-0', leaseDurationSeconds: 40, renewTime: '2025-05-01T12:00:00.123000Z' });
  expect(validateObject(lease, { operation: 'create' })).toEqual([]);
});

it('reports a pod Running and Ready with a running status per container', () => {
  const p = runningStatus(pod(), '10.254.0.1', now);
  expect(reportedRunning(pod())).toBe(false);
  expect(reportedRunning(p)).toBe(true);
  expect(p.status).toMatchObject({ phase: 'Running', podIP: '10.254.0.1', containerStatuses: [{ name: 'app', ready: true, state: { running: {} } }] });
  expect(validateObject(p, { operation: 'update', old: pod() })).toEqual([]);
});

it('binds (stand-in) only pods that tolerate the simulated taint', () => {
  expect(toleratesSimulated(pod())).toBe(false);
  expect(toleratesSimulated(pod({ tolerations: [SIMULATED_TOLERATION] }))).toBe(true);
  expect(toleratesSimulated(pod({ tolerations: [{ operator: 'Exists' }] }))).toBe(true);
});
