import { MemoryEventLog, type KubeObject } from '@wake/events';
import type { Action } from '@wake/reconcilers';
import { ObjectStore } from '@wake/store';
import { EventRecorder } from '../events/event-recorder';
import { applyActions } from './apply-actions';

const admin = { type: 'user' as const, name: 'admin' };
const controllers = { type: 'component' as const, name: 'controllers' };
const rsRef = { apiVersion: 'apps/v1', kind: 'ReplicaSet', namespace: 'default', name: 'web-1', uid: 'u-rs' };
const pod = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
const created = (name: string): Action[] => [
  { type: 'create', object: pod(name), intent: 'Created' },
  { type: 'event', eventType: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${name}`, involvedObject: rsRef },
];

async function setup() {
  const log = new MemoryEventLog();
  const store = new ObjectStore(log);
  await store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }, { actor: admin });
  const recorder = new EventRecorder(store, controllers, { concurrency: 2 });
  const ctx = { store, recorder, actor: controllers, controller: 'replicaset', component: 'replicaset-controller', cause: { causationSeq: 1, causationId: 'cause', correlationId: 'corr' } };
  const events = async () => { await recorder.flush(); const out: KubeObject[] = []; for await (const e of log.read({ filter: { kind: 'Event' } })) out.push(e.object); return out; };
  return { log, store, ctx, events };
}

it('applies creates, notes the highest sequence per kind, records their Events with the cause', async () => {
  const { log, ctx, events } = await setup();
  const r = await applyActions([...created('a'), ...created('b'), ...created('c'), { type: 'requeueAfter', seconds: 3 }], ctx);
  expect(r.error).toBeUndefined();
  expect(r.applied).toBe(3);
  expect(r.requeueAfter).toBe(3);
  expect(r.written.get('Pod')).toBe((await log.last({ kind: 'Pod', namespace: 'default', name: 'c' }))!.seq);
  const evs = await events();
  expect(evs.map((e) => e.message).sort()).toEqual(['Created pod: a', 'Created pod: b', 'Created pod: c']);
  const first = (await log.history({ kind: 'Pod', namespace: 'default', name: 'a' }))[0];
  expect(first).toMatchObject({ actor: 'system:controllers', causationSeq: 1, causationId: 'cause', correlationId: 'corr', detail: { controller: 'replicaset' } });
});

it('stops at the first conflict, and records nothing for the writes it did not make', async () => {
  const { store, ctx, events } = await setup();
  const rs = await store.create(pod('x'), { actor: admin });
  const stale: Action = { type: 'updateStatus', object: { ...rs, status: { phase: 'Running' } }, expectSeq: String(Number(rs.metadata.resourceVersion) - 1) };
  const r = await applyActions([stale, ...created('never')], ctx);
  expect((r.error as Error).name).toBe('WakeError(Conflict)');
  expect(r.applied).toBe(0);
  expect(await store.get({ kind: 'Pod', namespace: 'default', name: 'never' })).toBeUndefined();
  expect(await events()).toEqual([]);
});

it('treats deleting what is already gone as done, and never writes a marking delete as a removal', async () => {
  const { log, store, ctx } = await setup();
  const bound = await store.create({ ...pod('bound'), spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'nginx' }] } }, { actor: admin });
  const r = await applyActions([
    { type: 'delete', key: { apiVersion: 'v1', kind: 'Pod', namespace: 'default', name: 'ghost' }, intent: 'Deleted' },
    { type: 'delete', key: { apiVersion: 'v1', kind: 'Pod', namespace: 'default', name: 'bound', uid: bound.metadata.uid }, intent: 'Deleted' },
  ], ctx);
  expect(r.error).toBeUndefined();
  const last = await log.last({ kind: 'Pod', namespace: 'default', name: 'bound' });
  expect(last?.type).toBe('Pod.DeletionRequested'); // graceful: still there, Terminating
  expect(last?.object.metadata.deletionTimestamp).toBeDefined();
});

it('reports a failed create as a FailedCreate Warning on the owner', async () => {
  const { store, ctx, events } = await setup();
  await store.create(pod('taken'), { actor: admin });
  const r = await applyActions(created('taken'), ctx);
  expect((r.error as Error).message).toMatch(/already exists/);
  expect((await events()).map((e) => [e.type, e.reason])).toEqual([['Warning', 'FailedCreate']]);
});
