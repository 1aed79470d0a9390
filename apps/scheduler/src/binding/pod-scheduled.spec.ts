import { awaitsScheduling, unschedulablePod, type PodObject } from './pod-scheduled';
import { scheduledMessage, schedulingEvent } from './scheduling-event';

const pod = (spec: Record<string, unknown> = {}, extra: Partial<PodObject> = {}): PodObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', uid: 'u1', resourceVersion: '7' },
  spec: { containers: [{ name: 'c', image: 'i' }], ...spec }, ...extra,
});
const t1 = new Date('2026-11-23T10:00:00Z');
const t2 = new Date('2026-11-23T10:05:00Z');

describe('awaitsScheduling', () => {
  it.each([
    ['an unbound pod with no schedulerName', pod(), true],
    ['an unbound pod for default-scheduler', pod({ schedulerName: 'default-scheduler' }), true],
    ['a pod for another scheduler', pod({ schedulerName: 'gpu-scheduler' }), false],
    ['a bound pod', pod({ nodeName: 'n1' }), false],
    ['a pod with scheduling gates', pod({ schedulingGates: [{ name: 'example.com/quota' }] }), false],
    ['a pod being deleted', pod({}, { metadata: { name: 'web', deletionTimestamp: '2026-11-23T10:00:00Z' } }), false],
    ['a finished pod', pod({}, { status: { phase: 'Failed' } }), false],
  ])('%s: %s', (_, p, expected) => expect(awaitsScheduling(p, 'default-scheduler')).toBe(expected));
});

describe('unschedulablePod', () => {
  it('sets PodScheduled=False with reason Unschedulable and the message', () => {
    const failed = unschedulablePod(pod(), '0/3 nodes are available: 3 Insufficient cpu.', t1);
    expect(failed.status!.conditions).toEqual([{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient cpu.', lastProbeTime: null, lastTransitionTime: '2026-11-23T10:00:00Z' }]);
  });

  it('keeps lastTransitionTime when a pod stays unschedulable, so an unchanged verdict is a no-op write', () => {
    const a = unschedulablePod(pod(), 'm1', t1);
    const b = unschedulablePod(a, 'm1', t2);
    expect(b).toEqual(a);
    expect(unschedulablePod(a, 'm2', t2).status!.conditions![0].lastTransitionTime).toBe('2026-11-23T10:00:00Z');
  });
});

describe('schedulingEvent', () => {
  it('is the core/v1 Event kube-scheduler records about the pod', () => {
    const e = schedulingEvent(pod(), 'Scheduled', scheduledMessage(pod(), 'node-1'), { component: 'default-scheduler', instance: 'a', now: t1, suffix: 'abc' });
    expect(e).toMatchObject({
      kind: 'Event', metadata: { name: 'web.abc', namespace: 'default' }, reason: 'Scheduled', type: 'Normal',
      message: 'Successfully assigned default/web to node-1', involvedObject: { kind: 'Pod', name: 'web', uid: 'u1' },
      source: { component: 'default-scheduler' }, count: 1,
    });
    expect(schedulingEvent(pod(), 'FailedScheduling', 'x', { component: 'default-scheduler', instance: 'a', now: t1 }).type).toBe('Warning');
  });
});
