import { applyDefaults } from '@wake/api';
import type { WakeError } from '@wake/events';
import { planBind } from './plan-bind';
import type { PodObject } from './pod-condition';

const t1 = new Date('2026-11-23T10:00:00Z');
const t2 = new Date('2026-11-23T10:05:00Z');
/** A pod as stored (defaulted). */
const pod = (spec: Record<string, unknown> = {}, meta: Record<string, unknown> = {}, status?: PodObject['status']): PodObject => applyDefaults({
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', uid: 'u1', resourceVersion: '7', ...meta },
  spec: { containers: [{ name: 'c', image: 'wake/busybox:1' }], ...spec }, status: status ?? { phase: 'Pending' },
}) as PodObject;
const failure = (f: () => unknown): Pick<WakeError, 'code' | 'message'> | 'ok' => {
  try { f(); return 'ok'; } catch (e) { return { code: (e as WakeError).code, message: (e as Error).message }; }
};

describe('planBind', () => {
  it('sets spec.nodeName and PodScheduled=True in one object, replacing an earlier False', () => {
    const failed = pod({}, {}, { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: 'no', lastProbeTime: null, lastTransitionTime: '2026-11-23T09:00:00Z' }] });
    const bound = planBind(failed, { nodeName: 'node-2', now: t2 });
    expect(bound.spec!.nodeName).toBe('node-2');
    expect(bound.status).toEqual({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-11-23T10:05:00Z' }] });
    expect(bound.metadata).toEqual(failed.metadata);
  });

  it('changes nothing else in the spec', () => {
    const before = pod();
    const { nodeName, ...rest } = planBind(before, { nodeName: 'node-1', now: t1 }).spec!;
    expect([nodeName, rest]).toEqual(['node-1', before.spec]);
  });

  it("merges the binding's annotations into the pod's", () => {
    const bound = planBind(pod({}, { annotations: { a: '1', b: '1' } }), { nodeName: 'node-1', now: t1, annotations: { b: '2', c: '3' } });
    expect(bound.metadata.annotations).toEqual({ a: '1', b: '2', c: '3' });
  });

  it.each([
    ['no target', pod(), { nodeName: '' }, { code: 'Invalid', message: 'Binding "web" is invalid: target.name: Required value' }],
    ['another pod under the same name', pod(), { nodeName: 'node-1', uid: 'u0' }, { code: 'Conflict', message: 'Operation cannot be fulfilled on pods "web": Precondition failed: UID in precondition: u0, UID in object meta: u1' }],
    ['a pod already bound', pod({ nodeName: 'node-1' }), { nodeName: 'node-2' }, { code: 'Conflict', message: 'Operation cannot be fulfilled on pods/binding "web": pod web is already assigned to node "node-1"' }],
    ['a pod being deleted', pod({}, { deletionTimestamp: '2026-11-23T10:00:00Z', deletionGracePeriodSeconds: 30 }), { nodeName: 'node-1' }, { code: 'Conflict', message: 'Operation cannot be fulfilled on pods/binding "web": pod web is being deleted, cannot be assigned to a host' }],
    ['a gated pod', pod({ schedulingGates: [{ name: 'example.com/quota' }] }), { nodeName: 'node-1' }, { code: 'Conflict', message: 'Operation cannot be fulfilled on pods/binding "web": pod web has non-empty .spec.schedulingGates' }],
    ['an invalid node name', pod(), { nodeName: 'Not_A_Node' }, { code: 'Invalid' }],
    ['the right uid', pod(), { nodeName: 'node-1', uid: 'u1' }, 'ok'],
  ])('%s', (_, p, req, expected) => {
    const got = failure(() => planBind(p, { now: t1, ...req }));
    if (expected === 'ok') expect(got).toBe('ok');
    else expect(got).toMatchObject(expected);
  });
});
