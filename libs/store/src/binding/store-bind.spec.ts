import { ConflictError, MemoryEventLog, type KubeObject, type ObjectKey } from '@wake/events';
import type { Actor } from '../actor';
import { ObjectStore } from '../object-store';

const admin: Actor = { type: 'user', name: 'admin' };
const scheduler: Actor = { type: 'component', name: 'scheduler' };
const key: ObjectKey = { kind: 'Pod', namespace: 'default', name: 'web' };
const decision = { chosen: 'node-1', scored: { top: [{ node: 'node-1', total: 300 }] } };

/** A log that counts reads, to prove a binding reads nothing. */
class CountingLog extends MemoryEventLog {
  reads = 0;
  override async last(k: ObjectKey) { this.reads++; return super.last(k); }
}

let log: CountingLog;
let store: ObjectStore;
let pod: KubeObject;

beforeEach(async () => {
  log = new CountingLog();
  store = new ObjectStore(log, { now: () => new Date('2026-11-23T10:00:00Z'), uid: () => 'u1', random: () => 0.5 });
  await store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }, { actor: admin });
  pod = await store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'wake/busybox:1' }] } }, { actor: admin });
  log.reads = 0;
});

const boundEvents = async () => (await log.history(key)).filter((e) => e.type === 'Pod.Bound');

describe('ObjectStore.bind', () => {
  it('writes one Pod.Bound event (nodeName, PodScheduled=True, the decision, actor and causation) without reading the pod', async () => {
    const rv = Number(pod.metadata.resourceVersion);
    const { object, event } = await store.bind(key, 'node-1', { pod, expect: rv, actor: scheduler, causationSeq: rv, correlationId: 'c1', detail: { decision, scheduler: 'a' } });
    expect(log.reads).toBe(0);
    expect(event).toMatchObject({ type: 'Pod.Bound', actor: 'system:scheduler', causationSeq: rv, correlationId: 'c1', detail: { decision, scheduler: 'a' } });
    expect(object.spec).toMatchObject({ nodeName: 'node-1' });
    expect(object.status).toEqual({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-11-23T10:00:00Z' }] });
    expect(object.metadata.resourceVersion).toBe(String(event!.seq));
    expect((event!.object as KubeObject).metadata.resourceVersion).toBeUndefined();
    expect(await store.mustGet(key)).toEqual(object);
  });

  it('takes the expected sequence from the pod when none is given', async () => {
    const { event } = await store.bind(key, 'node-1', { pod, actor: scheduler });
    expect(event!.type).toBe('Pod.Bound');
  });

  it('is a ConflictError, appending nothing, when the pod moved past the expected sequence', async () => {
    const newer = await store.update({ ...pod, metadata: { ...pod.metadata, labels: { a: 'b' } } }, { actor: admin });
    const seq = await log.lastSeq();
    const err = await store.bind(key, 'node-1', { pod, actor: scheduler }).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err).toMatchObject({ message: 'Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again', expectedSeq: Number(pod.metadata.resourceVersion), actualSeq: Number(newer.metadata.resourceVersion) });
    expect(await log.lastSeq()).toBe(seq);
  });

  it('refuses a current expectation with an older pod: the write would undo the change in between', async () => {
    const newer = await store.update({ ...pod, metadata: { ...pod.metadata, labels: { a: 'b' } } }, { actor: admin });
    await expect(store.bind(key, 'node-1', { pod, expect: Number(newer.metadata.resourceVersion), actor: scheduler })).rejects.toBeInstanceOf(ConflictError);
    expect(await boundEvents()).toHaveLength(0);
  });

  it('binds a pod once: two binders deciding on the same version give one Pod.Bound and one conflict', async () => {
    const results = await Promise.allSettled([
      store.bind(key, 'node-1', { pod, actor: scheduler }),
      store.bind(key, 'node-2', { pod, actor: scheduler }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect(await boundEvents()).toHaveLength(1);
  });

  it("answers as Kubernetes' binding subresource does for a bound pod, a pod being deleted and another pod's uid", async () => {
    const { object: bound } = await store.bind(key, 'node-1', { pod, actor: scheduler });
    await expect(store.bind(key, 'node-2', { pod: bound, actor: scheduler })).rejects.toMatchObject({
      code: 'Conflict', message: 'Operation cannot be fulfilled on pods/binding "web": pod web is already assigned to node "node-1"',
    });
    await store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'held', namespace: 'default', finalizers: ['example.com/hold'] }, spec: { containers: [{ name: 'c', image: 'i' }] } }, { actor: admin });
    const { object: marked } = await store.delete({ ...key, name: 'held' }, { actor: admin });
    await expect(store.bind({ ...key, name: 'held' }, 'node-1', { pod: marked, actor: scheduler })).rejects.toMatchObject({
      code: 'Conflict', message: 'Operation cannot be fulfilled on pods/binding "held": pod held is being deleted, cannot be assigned to a host',
    });
    await store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'other', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'i' }] } }, { actor: admin });
    const other = await store.mustGet({ ...key, name: 'other' });
    await expect(store.bind({ ...key, name: 'other' }, 'node-1', { pod: other, uid: 'not-this-one', actor: scheduler })).rejects.toMatchObject({
      code: 'Conflict', message: 'Operation cannot be fulfilled on pods "other": Precondition failed: UID in precondition: not-this-one, UID in object meta: u1',
    });
  });

  it('keeps node agents out (NodeRestriction), checks the pod is the one named, and appends nothing on a dry run', async () => {
    await expect(store.bind(key, 'node-1', { pod, actor: { type: 'node', node: 'node-1' } })).rejects.toMatchObject({
      code: 'Forbidden', message: 'node "node-1" is not allowed to bind pods "web": a node may not bind pods',
    });
    await expect(store.bind({ ...key, name: 'other' }, 'node-1', { pod, actor: scheduler })).rejects.toMatchObject({ code: 'BadRequest' });
    const seq = await log.lastSeq();
    const dry = await store.bind(key, 'node-1', { pod, actor: admin, dryRun: true });
    expect([dry.event, (dry.object.spec as { nodeName: string }).nodeName, await log.lastSeq()]).toEqual([undefined, 'node-1', seq]);
  });
});
