import type { KubeObject } from '@wake/events';
import { ADMIN, Harness } from './testing/harness';
import { deployment, imageOf, isReady, isTerminating, type Pod } from './testing/fixtures';
import { RolloutWatcher } from './testing/rollout-watcher';

// Real NATS + PostgreSQL (projector in-process), the controllers in-process, three SIMULATED
// nodes that also bind pods round-robin (the scheduler is not available to these tests).
let h: Harness;
beforeAll(async () => { h = await Harness.start(); }, 60_000);
afterAll(async () => { await h?.stop(); }, 60_000);

type Deploy = KubeObject & { spec: { replicas: number; template: { spec: { containers: Array<{ image: string }> } } }; status?: { availableReplicas?: number; updatedReplicas?: number; replicas?: number; observedGeneration?: number } };
const live = (labels: Record<string, string>) => h.list<Pod>('Pod', 'default', labels).filter((p) => !isTerminating(p));
const rsOf = (name: string) => h.list('ReplicaSet', 'default').filter((rs) => (rs.metadata.ownerReferences as Array<{ name: string }> | undefined)?.[0]?.name === name);
const revision = (o: KubeObject) => o.metadata.annotations?.['deployment.kubernetes.io/revision'];

async function update(name: string, change: (d: Deploy) => void): Promise<void> {
  await h.retry(async () => {
    const d = structuredClone(await h.store.mustGet({ kind: 'Deployment', namespace: 'default', name })) as Deploy;
    change(d);
    await h.store.update(d, { actor: ADMIN });
  });
}

async function complete(name: string, replicas: number, image: string): Promise<void> {
  await h.until(() => {
    const d = h.get<Deploy>('Deployment', name);
    const pods = live({ app: name });
    return !!d && d.status?.observedGeneration === d.metadata.generation && d.status?.availableReplicas === replicas
      && d.status?.updatedReplicas === replicas && d.status?.replicas === replicas
      && pods.length === replicas && pods.every((p) => isReady(p) && imageOf(p) === image);
  }, `deployment ${name}: ${replicas} available pods of ${image}`, 60_000);
}

it('runs a two-replica Deployment, scales it, rolls it within maxSurge/maxUnavailable, rolls back, and deletes it', async () => {
  await h.store.create(deployment('web', 2, 'nginx:1'), { actor: ADMIN });
  await complete('web', 2, 'nginx:1');
  const nodes = new Set(live({ app: 'web' }).map((p) => p.spec?.nodeName));
  expect(nodes.size).toBe(2);
  const [first] = rsOf('web');
  expect(revision(first)).toBe('1');

  // The scale subresource path: only spec.replicas changes (a Deployment.Scaled event).
  await update('web', (d) => { d.spec.replicas = 5; });
  await complete('web', 5, 'nginx:1');
  expect(rsOf('web')).toHaveLength(1);

  // A new image: a rolling update (maxSurge 25% → 2, maxUnavailable 25% → 1 for 5 replicas).
  const watcher = await RolloutWatcher.start(h.log, 'default', { app: 'web' });
  await update('web', (d) => { d.spec.template.spec.containers[0].image = 'nginx:2'; });
  await complete('web', 5, 'nginx:2');
  await watcher.stop();
  process.stderr.write(`rollout: ${watcher.events} pod events, min available ${watcher.minAvailable}, max pods ${watcher.maxPods}\n`);
  expect(watcher.events).toBeGreaterThan(10);
  expect(watcher.minAvailable).toBeGreaterThanOrEqual(5 - 1);
  expect(watcher.maxPods).toBeLessThanOrEqual(5 + 2);
  const afterRoll = rsOf('web');
  expect(afterRoll).toHaveLength(2);
  const second = afterRoll.find((rs) => rs.metadata.uid !== first.metadata.uid)!;
  expect(revision(second)).toBe('2');

  // Rollback (what `kubectl rollout undo` writes): the old template again reuses the first ReplicaSet.
  await update('web', (d) => { d.spec.template.spec.containers[0].image = 'nginx:1'; });
  await complete('web', 5, 'nginx:1');
  const afterUndo = rsOf('web');
  expect(afterUndo.map((rs) => rs.metadata.uid).sort()).toEqual([first.metadata.uid, second.metadata.uid].sort());
  expect(revision(h.get('ReplicaSet', first.metadata.name)!)).toBe('3');

  // kubectl describe's story: Events from the deployment and replicaset controllers.
  await h.until(() => h.list('Event').some((e) => e.reason === 'ScalingReplicaSet'), 'ScalingReplicaSet events');
  const events = h.list('Event');
  const scaling = events.filter((e) => e.reason === 'ScalingReplicaSet');
  expect(scaling[0]).toMatchObject({ type: 'Normal', source: { component: 'deployment-controller' }, involvedObject: { kind: 'Deployment', name: 'web' } });
  expect(events.filter((e) => e.reason === 'SuccessfulCreate' && (e.involvedObject as { name: string }).name === first.metadata.name).length).toBeGreaterThanOrEqual(5);

  // Controllers' writes name their cause: the pod creates trace back to a Deployment change.
  const podCreate = (await h.log.history({ kind: 'Pod', namespace: 'default', name: live({ app: 'web' })[0].metadata.name }))[0];
  expect(podCreate.actor).toBe('system:controllers');
  expect(podCreate.causationSeq).toBeGreaterThan(0);

  // Background deletion: the Deployment goes at once, the garbage collector removes its ReplicaSets and pods.
  await h.delete('Deployment', 'web', 'Background');
  await h.until(() => rsOf('web').length === 0 && h.list('Pod', 'default', { app: 'web' }).length === 0, 'ReplicaSets and pods to be garbage collected');
}, 120_000);
