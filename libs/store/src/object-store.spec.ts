import { MemoryEventLog, type KubeObject } from '@wake/events';
import type { Actor } from './actor';
import { ObjectStore } from './object-store';

const admin: Actor = { type: 'user', name: 'admin' };
const nodeA: Actor = { type: 'node', node: 'node-a' };
let log: MemoryEventLog;
let store: ObjectStore;
let t: number;

const ns = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const pod = (name: string, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' },
  spec: { containers: [{ name: 'c', image: 'wake/busybox:1' }], ...extra },
});
const deploy = (replicas: number, image = 'wake/web:1'): KubeObject => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' },
  spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image }] } } },
});
const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e) => e.code ?? String(e));

beforeEach(async () => {
  log = new MemoryEventLog();
  t = Date.parse('2026-11-23T10:00:00Z');
  let n = 0;
  store = new ObjectStore(log, { now: () => new Date(t), uid: () => `uid-${++n}`, random: () => 0.5 });
  await store.create(ns('default'), { actor: admin });
});

describe('ObjectStore', () => {
  it('creates with server-owned metadata, defaults and a resourceVersion that is the log sequence', async () => {
    const d = await store.create(deploy(2), { actor: admin });
    expect(d.metadata).toMatchObject({ uid: 'uid-2', creationTimestamp: '2026-11-23T10:00:00Z', generation: 1, namespace: 'default' });
    expect(d.metadata.resourceVersion).toBe(String(await log.lastSeq()));
    expect((d.spec as { strategy: unknown }).strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
    expect((await log.last({ kind: 'Deployment', namespace: 'default', name: 'web' }))!.type).toBe('Deployment.Created');
  });

  it('names objects from generateName and refuses duplicates, missing namespaces and invalid objects, appending nothing', async () => {
    const p = await store.create({ ...pod(''), metadata: { name: '', generateName: 'web-', namespace: 'default' } }, { actor: admin });
    expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const before = await log.lastSeq();
    expect(await codeOf(store.create(pod(p.metadata.name), { actor: admin }))).toBe('AlreadyExists');
    expect(await codeOf(store.create({ ...pod('x'), metadata: { name: 'x', namespace: 'nope' } }, { actor: admin }))).toBe('NotFound');
    expect(await codeOf(store.create({ ...pod('x'), spec: { containers: [{ name: 'c' }] } }, { actor: admin }))).toBe('Invalid');
    expect(await codeOf(store.create(pod('Bad_Name'), { actor: admin }))).toBe('Invalid');
    expect(await codeOf(store.create(pod('dry'), { actor: admin, dryRun: true }))).toBe('ok');
    expect(await log.lastSeq()).toBe(before);
  });

  it('refuses a stale resourceVersion with a conflict, bumps generation on spec changes only, and skips no-op writes', async () => {
    const d1 = await store.create(deploy(2), { actor: admin });
    const d2 = await store.update({ ...deploy(3), metadata: { ...d1.metadata } }, { actor: admin });
    expect(d2.metadata.generation).toBe(2);
    expect((await log.history({ kind: 'Deployment', namespace: 'default', name: 'web' })).map((e) => e.type)).toEqual(['Deployment.Created', 'Deployment.Scaled']);
    expect(await codeOf(store.update({ ...deploy(4), metadata: { ...d1.metadata } }, { actor: admin }))).toBe('Conflict');
    const labelled = await store.update({ ...d2, metadata: { ...d2.metadata, labels: { team: 'a' } } }, { actor: admin });
    expect(labelled.metadata.generation).toBe(2);
    const seq = await log.lastSeq();
    const same = await store.update({ ...labelled }, { actor: admin });
    expect(await log.lastSeq()).toBe(seq);
    expect(same.metadata.resourceVersion).toBe(labelled.metadata.resourceVersion);
  });

  it('keeps status out of main updates and spec out of status updates', async () => {
    const d = await store.create(deploy(2), { actor: admin });
    const s = await store.update({ ...d, spec: { ...(d.spec as object), replicas: 9 }, status: { replicas: 2 } }, { actor: admin, subresource: 'status' });
    expect((s.spec as { replicas: number }).replicas).toBe(2);
    expect(s.status).toEqual({ replicas: 2 });
    expect(s.metadata.generation).toBe(1);
    const u = await store.update({ ...s, status: { replicas: 99 } }, { actor: admin });
    expect(u.status).toEqual({ replicas: 2 });
  });

  it('patches with strategic merge, merge and JSON patch', async () => {
    await store.create(deploy(2), { actor: admin });
    const key = { kind: 'Deployment', namespace: 'default', name: 'web' };
    const a = await store.patch(key, { spec: { template: { spec: { containers: [{ name: 'web', image: 'wake/web:2' }] } } } }, 'application/strategic-merge-patch+json', { actor: admin });
    expect((a.spec as any).template.spec.containers).toHaveLength(1);
    expect((a.spec as any).template.spec.containers[0].image).toBe('wake/web:2');
    const b = await store.patch(key, { spec: { replicas: 5 } }, 'application/merge-patch+json', { actor: admin });
    expect((b.spec as any).replicas).toBe(5);
    const c = await store.patch(key, [{ op: 'replace', path: '/spec/replicas', value: 1 }], 'application/json-patch+json', { actor: admin });
    expect((c.spec as any).replicas).toBe(1);
    expect(await codeOf(store.patch(key, { metadata: { resourceVersion: '1' }, spec: { replicas: 7 } }, 'application/merge-patch+json', { actor: admin }))).toBe('Conflict');
  });

  it('deletes an unbound pod at once, and marks a bound pod until its node confirms', async () => {
    await store.create(pod('free'), { actor: admin });
    expect((await store.delete({ kind: 'Pod', namespace: 'default', name: 'free' }, { actor: admin })).removed).toBe(true);
    expect(await store.get({ kind: 'Pod', namespace: 'default', name: 'free' })).toBeUndefined();
    await store.create(pod('bound', { nodeName: 'node-a' }), { actor: admin });
    const key = { kind: 'Pod', namespace: 'default', name: 'bound' };
    const marked = await store.delete(key, { actor: admin });
    expect(marked.removed).toBe(false);
    expect(marked.object.metadata).toMatchObject({ deletionTimestamp: '2026-11-23T10:00:30Z', deletionGracePeriodSeconds: 30 });
    expect((await store.delete(key, { actor: admin })).removed).toBe(false);
    expect((await store.delete(key, { actor: nodeA, gracePeriodSeconds: 0 })).removed).toBe(true);
    expect((await log.history(key)).map((e) => e.type)).toEqual(['Pod.Created', 'Pod.DeletionRequested', 'Pod.Deleted']);
  });

  it('holds an object with finalizers until the last one is removed (foreground propagation)', async () => {
    const d = await store.create(deploy(1), { actor: admin });
    const key = { kind: 'Deployment', namespace: 'default', name: 'web' };
    const marked = await store.delete(key, { actor: admin, propagationPolicy: 'Foreground' });
    expect(marked.object.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(await codeOf(store.update({ ...marked.object, metadata: { ...marked.object.metadata, finalizers: ['foregroundDeletion', 'x'] } }, { actor: admin }))).toBe('Forbidden');
    await store.update({ ...marked.object, metadata: { ...marked.object.metadata, finalizers: [] } }, { actor: { type: 'component', name: 'controllers' } });
    expect(await store.get(key)).toBeUndefined();
    expect(d.metadata.uid).toBeDefined();
  });

  it("lets a node agent write only its own Node, Lease and its pods' status", async () => {
    const node = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Node', metadata: { name } });
    expect(await codeOf(store.create(node('node-a'), { actor: nodeA }))).toBe('ok');
    expect(await codeOf(store.create(node('node-b'), { actor: nodeA }))).toBe('Forbidden');
    await store.create(pod('mine', { nodeName: 'node-a' }), { actor: admin });
    await store.create(pod('theirs', { nodeName: 'node-b' }), { actor: admin });
    const mine = await store.mustGet({ kind: 'Pod', namespace: 'default', name: 'mine' });
    const theirs = await store.mustGet({ kind: 'Pod', namespace: 'default', name: 'theirs' });
    expect(await codeOf(store.update({ ...mine, status: { phase: 'Running' } }, { actor: nodeA, subresource: 'status' }))).toBe('ok');
    expect(await codeOf(store.update({ ...theirs, status: { phase: 'Running' } }, { actor: nodeA, subresource: 'status' }))).toBe('Forbidden');
    expect(await codeOf(store.delete({ kind: 'Pod', namespace: 'default', name: 'theirs' }, { actor: nodeA, gracePeriodSeconds: 0 }))).toBe('Forbidden');
    expect(await codeOf(store.create(pod('new'), { actor: nodeA }))).toBe('Forbidden');
  });
});

describe('ObjectStore deletion edge cases', () => {
  it('removes an unbound pod held by a propagation finalizer as soon as the finalizer goes', async () => {
    await store.create(pod('orphaned'), { actor: admin });
    const key = { kind: 'Pod', namespace: 'default', name: 'orphaned' };
    const marked = await store.delete(key, { actor: admin, propagationPolicy: 'Orphan' });
    expect(marked.removed).toBe(false);
    await store.update({ ...marked.object, metadata: { ...marked.object.metadata, finalizers: [] } }, { actor: { type: 'component', name: 'controllers' } });
    expect(await store.get(key)).toBeUndefined();
  });

  it('never records a removal intent for an object that is only marked', async () => {
    await store.create(pod('bound2', { nodeName: 'node-a' }), { actor: admin });
    const key = { kind: 'Pod', namespace: 'default', name: 'bound2' };
    const r = await store.delete(key, { actor: admin, intent: 'Deleted' });
    expect(r.removed).toBe(false);
    expect((await log.last(key))!.type).toBe('Pod.DeletionRequested');
    expect(await store.get(key)).toBeDefined();
  });
});

it('gives a new Job a selector on its uid and the matching template labels', async () => {
  const job = await store.create({
    apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi', namespace: 'default' },
    spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'wake/busybox:1' }] } } },
  }, { actor: admin });
  const uid = job.metadata.uid!;
  expect((job.spec as any).selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
  expect((job.spec as any).template.metadata.labels).toMatchObject({ 'batch.kubernetes.io/job-name': 'pi', 'job-name': 'pi', 'controller-uid': uid });
});

it('stores no nulls, as the apiserver decoding into Go types does (kubectl rollout undo sends some)', async () => {
  const d = await store.create(deploy(1), { actor: admin });
  const patched = await store.patch({ kind: 'Deployment', namespace: 'default', name: 'web' },
    [{ op: 'replace', path: '/spec/template/metadata', value: { creationTimestamp: null, labels: { app: 'web' } } }], 'application/json-patch+json', { actor: admin });
  expect((patched.spec as any).template.metadata).toEqual({ labels: { app: 'web' } });
  expect(patched.metadata.generation).toBe(d.metadata.generation);
});
