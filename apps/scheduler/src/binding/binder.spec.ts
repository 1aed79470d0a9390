import { ConflictError, MemoryEventLog, type KubeObject } from '@wake/events';
import { ObjectStore } from '@wake/store';
import { makePod } from '@wake/scheduling';
import { Binder } from './binder';
import type { PodObject } from './pod-scheduled';
import type { StoredDecision } from '../record/trim-record';

const admin = { type: 'user', name: 'admin' } as const;
const decision = { pod: 'default/web', chosen: 'node-1' } as unknown as StoredDecision;

async function setup() {
  const log = new MemoryEventLog();
  const store = new ObjectStore(log);
  await store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }, { actor: admin });
  const pod = (await store.create(makePod('web', { cpu: '100m' }) as unknown as KubeObject, { actor: admin })) as PodObject;
  const binder = new Binder(log, store, { actor: { type: 'component', name: 'scheduler' }, component: 'default-scheduler', instance: 'a', now: () => new Date('2026-11-23T10:00:00Z') });
  return { log, store, pod, binder };
}

describe('Binder', () => {
  it('binds in one Pod.Bound event carrying nodeName, PodScheduled=True and the decision', async () => {
    const { log, pod, binder } = await setup();
    const e = await binder.bind(pod, 'node-1', decision, {});
    expect(e.type).toBe('Pod.Bound');
    expect(e.actor).toBe('system:scheduler');
    expect(e.causationSeq).toBe(Number(pod.metadata.resourceVersion));
    const obj = e.object as PodObject;
    expect(obj.spec!.nodeName).toBe('node-1');
    expect(obj.status!.conditions).toEqual([expect.objectContaining({ type: 'PodScheduled', status: 'True' })]);
    expect(e.detail).toEqual({ decision, scheduler: 'a' });
    expect((await log.last({ kind: 'Pod', namespace: 'default', name: 'web' }))!.seq).toBe(e.seq);
  });

  it('places a claim on a node (selected-node annotation), expecting the claim\'s version', async () => {
    const { log, store, binder } = await setup();
    const pvc = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data-web-0', namespace: 'default' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };
    const claim = await store.create(pvc as KubeObject, { actor: admin });
    await binder.placeClaims([claim], 'node-1', {});
    const last = (await log.last({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data-web-0' }))!;
    expect(last.type).toBe('PersistentVolumeClaim.ClaimPlaced');
    expect((last.object as KubeObject).metadata.annotations).toEqual({ 'volume.kubernetes.io/selected-node': 'node-1' });
    await expect(binder.placeClaims([claim], 'node-2', {})).rejects.toBeInstanceOf(ConflictError); // stale version
  });

  it('never binds a pod twice: a second binding from the same (now stale) version is a conflict', async () => {
    const { log, pod, binder } = await setup();
    await binder.bind(pod, 'node-1', decision, {});
    await expect(binder.bind(pod, 'node-2', decision, {})).rejects.toBeInstanceOf(ConflictError);
    const bound = (await log.history({ kind: 'Pod', namespace: 'default', name: 'web' })).filter((e) => e.type === 'Pod.Bound');
    expect(bound).toHaveLength(1);
  });

  it('refuses to move a bound pod even with its current resourceVersion, as the binding subresource does', async () => {
    const { store, pod, binder } = await setup();
    await binder.bind(pod, 'node-1', decision, {});
    const current = (await store.mustGet({ kind: 'Pod', namespace: 'default', name: 'web' })) as PodObject;
    await expect(binder.bind(current, 'node-2', decision, {})).rejects.toMatchObject({
      code: 'Conflict', message: 'Operation cannot be fulfilled on pods/binding "web": pod web is already assigned to node "node-1"',
    });
  });

  it('marks a pod unschedulable once per verdict and records Events', async () => {
    const { log, store, pod, binder } = await setup();
    expect(await binder.markUnschedulable(pod, '0/1 nodes are available: 1 Insufficient cpu.', decision, {})).toBe(true);
    const failed = (await store.mustGet({ kind: 'Pod', namespace: 'default', name: 'web' })) as PodObject;
    expect(failed.status!.conditions![0]).toMatchObject({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' });
    expect(await binder.markUnschedulable(failed, '0/1 nodes are available: 1 Insufficient cpu.', decision, {})).toBe(false);
    const ev = await binder.recordEvent(failed, 'FailedScheduling', 'm', {});
    expect(ev.object).toMatchObject({ kind: 'Event', reason: 'FailedScheduling', involvedObject: { name: 'web' } });
    expect((await log.history({ kind: 'Pod', namespace: 'default', name: 'web' })).map((e) => e.type)).toEqual(['Pod.Created', 'Pod.SchedulingFailed']);
  });
});
