import { diffObjects } from '../diff/json-diff';
import { isHeartbeat, isNoise, isStatusOnly } from './noise';

const lease = (t: string) => ({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'node-a' }, spec: { holderIdentity: 'node-a', renewTime: t } });
const node = (hb: string, ready = 'True') => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-a' }, status: { conditions: [{ type: 'Ready', status: ready, lastHeartbeatTime: hb }] } });

describe('noise filters', () => {
  it.each([
    ['a Renewed intent', { type: 'Lease.Renewed', kind: 'Lease' }, undefined, true],
    ['a Lease update moving only renewTime', { type: 'Lease.Updated', kind: 'Lease' }, diffObjects(lease('t1'), lease('t2')), true],
    ['a Lease changing holder', { type: 'Lease.Updated', kind: 'Lease' }, diffObjects(lease('t1'), { ...lease('t2'), spec: { holderIdentity: 'b', renewTime: 't2' } }), false],
    ['a Node report moving only heartbeat times', { type: 'Node.StatusReported', kind: 'Node' }, diffObjects(node('t1'), node('t2')), true],
    ['a Node going NotReady', { type: 'Node.StatusReported', kind: 'Node' }, diffObjects(node('t1'), node('t2', 'False')), false],
    ['a Pod status report', { type: 'Pod.StatusReported', kind: 'Pod' }, [{ op: 'replace' as const, path: 'status.phase' }], false],
  ])('heartbeat: %s → %s', (_name, e, changes, expected) => {
    expect(isHeartbeat(e, changes)).toBe(expected);
  });

  it('status-only: every change under status; without a diff, the intent decides', () => {
    expect(isStatusOnly({ type: 'Pod.Updated' }, [{ op: 'replace', path: 'status.phase' }, { op: 'add', path: 'status.podIP' }])).toBe(true);
    expect(isStatusOnly({ type: 'Pod.Updated' }, [{ op: 'replace', path: 'spec.nodeName' }])).toBe(false);
    expect(isStatusOnly({ type: 'Pod.StatusReported' }, undefined)).toBe(true);
  });

  it('never hides a creation or a removal as status-only', () => {
    expect(isNoise({ type: 'Pod.Created', kind: 'Pod' }, undefined, { hideStatus: true })).toBe(false);
    expect(isNoise({ type: 'Pod.Deleted', kind: 'Pod' }, [], { hideStatus: true })).toBe(false);
    expect(isNoise({ type: 'Pod.StatusReported', kind: 'Pod' }, [{ op: 'add', path: 'status.podIP' }], { hideStatus: true })).toBe(true);
    expect(isNoise({ type: 'Pod.StatusReported', kind: 'Pod' }, [{ op: 'add', path: 'status.podIP' }], {})).toBe(false);
  });
});
