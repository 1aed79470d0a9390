import type { KubeObject } from '@wake/events';
import { ADMIN, Harness } from './testing/harness';
import { deployment, isReady, isTerminating, type Pod } from './testing/fixtures';

// Foreground and orphan propagation, and namespace deletion, with the real log and projection.
let h: Harness;
beforeAll(async () => { h = await Harness.start(); }, 60_000);
afterAll(async () => { await h?.stop(); }, 60_000);

const owners = (o: KubeObject) => (o.metadata.ownerReferences as Array<{ uid: string }> | undefined) ?? [];
const rsOf = (d: KubeObject, ns = 'default') => h.list('ReplicaSet', ns).filter((rs) => owners(rs).some((r) => r.uid === d.metadata.uid));

async function running(name: string, replicas: number, namespace = 'default'): Promise<KubeObject> {
  await h.until(() => h.list<Pod>('Pod', namespace, { app: name }).filter((p) => isReady(p) && !isTerminating(p)).length === replicas, `${replicas} ready pods of ${name}`);
  return h.get('Deployment', name, namespace)!;
}

it('foreground: the Deployment stays (deletionTimestamp, foregroundDeletion) until its ReplicaSets and pods are gone', async () => {
  await h.store.create(deployment('fg', 3, 'nginx:1'), { actor: ADMIN });
  const d = await running('fg', 3);
  await h.delete('Deployment', 'fg', 'Foreground');
  await h.until(() => !h.get('Deployment', 'fg'), 'the foreground-deleted Deployment to go');
  expect(rsOf(d)).toHaveLength(0);
  expect(h.list('Pod', 'default', { app: 'fg' })).toHaveLength(0);
  // On the log: the Deployment was first marked (foregroundDeletion), and removed only after its last ReplicaSet and pod.
  const history = await h.log.history({ kind: 'Deployment', namespace: 'default', name: 'fg' });
  const marked = history.find((e) => e.object.metadata.deletionTimestamp);
  expect(marked?.object.metadata.finalizers).toContain('foregroundDeletion');
  const removals: number[] = [];
  for (const kind of ['Pod', 'ReplicaSet']) {
    for await (const e of h.log.read({ filter: { kind, namespace: 'default' } })) {
      if (e.type.endsWith('.Deleted') && e.object.metadata.labels?.app === 'fg') removals.push(e.seq);
    }
  }
  expect(removals.length).toBe(4); // three pods and one ReplicaSet
  const gone = history[history.length - 1];
  expect(gone.type).toBe('Deployment.Deleted');
  expect(gone.seq).toBeGreaterThan(Math.max(...removals));
  expect(marked!.seq).toBeLessThan(Math.min(...removals));
}, 60_000);

it('orphan: the Deployment goes, its ReplicaSet and pods stay without the ownerReference', async () => {
  await h.store.create(deployment('orph', 2, 'nginx:1'), { actor: ADMIN });
  const d = await running('orph', 2);
  const [rs] = rsOf(d);
  await h.delete('Deployment', 'orph', 'Orphan');
  await h.until(() => !h.get('Deployment', 'orph'), 'the orphaning Deployment to go');
  await new Promise((r) => setTimeout(r, 500)); // give a wrong garbage collector time to act
  const kept = h.get('ReplicaSet', rs.metadata.name)!;
  expect(kept.metadata.uid).toBe(rs.metadata.uid);
  expect(owners(kept)).toHaveLength(0);
  const pods = h.list<Pod>('Pod', 'default', { app: 'orph' });
  expect(pods.filter((p) => !isTerminating(p))).toHaveLength(2);
  expect(pods.every((p) => owners(p)[0]?.uid === rs.metadata.uid)).toBe(true);
}, 60_000);

it('namespace deletion: Terminating, everything inside deleted, then the namespace removed', async () => {
  await h.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'doomed' } }, { actor: ADMIN });
  await h.store.create(deployment('app', 2, 'nginx:1', { namespace: 'doomed' }), { actor: ADMIN });
  await h.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'doomed' }, data: { a: '1' } }, { actor: ADMIN });
  await running('app', 2, 'doomed');
  await h.delete('Namespace', 'doomed', 'Background', '');
  await h.until(() => !h.get('Namespace', 'doomed', ''), 'the namespace to be removed', 60_000);
  // On the log: Terminating first, the `kubernetes` finalizer removed (the namespace goes) only once it was empty.
  const history = await h.log.history({ kind: 'Namespace', namespace: '', name: 'doomed' });
  expect(history.some((e) => (e.object.status as { phase?: string } | undefined)?.phase === 'Terminating')).toBe(true);
  expect(history[history.length - 1].type).toBe('Namespace.Deleted');
  for (const kind of ['Deployment', 'ReplicaSet', 'Pod', 'ConfigMap', 'Event']) expect(h.list(kind, 'doomed')).toHaveLength(0);
  await expect(h.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'late', namespace: 'doomed' } }, { actor: ADMIN })).rejects.toThrow(/not found/);
}, 90_000);
