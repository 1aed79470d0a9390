import type { KubeObject } from '@wake/events';
import { ControllersProcess } from './testing/controllers-process';
import { deployment, imageOf, isReady, isTerminating, type Pod } from './testing/fixtures';
import { ADMIN, Harness } from './testing/harness';
import { RolloutWatcher } from './testing/rollout-watcher';

// kill -9 the controllers service (a child process) in the middle of a rolling update of 20
// replicas on simulated nodes, restart it: the rollout completes, within maxSurge/maxUnavailable.
let h: Harness;
let proc: ControllersProcess | undefined;
beforeAll(async () => {
  h = await Harness.start({ controllers: false, simulated: { nodes: 4, startDelayMs: 250 } });
}, 60_000);
afterAll(async () => {
  await proc?.kill('SIGKILL');
  await h?.stop();
}, 60_000);

type Deploy = KubeObject & { spec: { template: { spec: { containers: Array<{ image: string }> } } }; status?: Record<string, number> };
const start = () => ControllersProcess.start({
  NATS_URL: h.nats.url, DATABASE_URL: h.db.url, WAKE_CONTROLLERS_LEASE_TTL_MS: '1500', WAKE_CONTROLLERS_ID: `crash-${Date.now()}`,
});
const live = () => h.list<Pod>('Pod', 'default', { app: 'big' }).filter((p) => !isTerminating(p));
const done = (image: string) => {
  const d = h.get<Deploy>('Deployment', 'big');
  const pods = live();
  return d?.status?.observedGeneration === d?.metadata.generation && d?.status?.updatedReplicas === 20 && d?.status?.availableReplicas === 20
    && d?.status?.replicas === 20 && pods.length === 20 && pods.every((p) => isReady(p) && imageOf(p) === image);
};

it('completes a rolling update of 20 replicas across a kill -9 and restart of the controllers', async () => {
  proc = start();
  await h.store.create(deployment('big', 20, 'nginx:1'), { actor: ADMIN });
  await h.until(() => done('nginx:1'), 'the first rollout', 60_000);

  const watcher = await RolloutWatcher.start(h.log, 'default', { app: 'big' });
  await h.retry(async () => {
    const d = structuredClone(await h.store.mustGet({ kind: 'Deployment', namespace: 'default', name: 'big' })) as Deploy;
    d.spec.template.spec.containers[0].image = 'nginx:2';
    await h.store.update(d, { actor: ADMIN });
  });
  await h.until(() => { const n = live().filter((p) => imageOf(p) === 'nginx:2' && isReady(p)).length; return n >= 3 && n <= 12; }, 'the rollout to be part-way', 30_000);
  await proc.kill('SIGKILL');
  const atKill = live().filter((p) => imageOf(p) === 'nginx:2' && isReady(p)).length;
  expect(atKill).toBeLessThan(20);

  proc = start();
  await h.until(() => done('nginx:2'), 'the rollout to complete after the restart', 90_000).catch((e) => {
    process.stderr.write(proc!.output);
    throw e;
  });
  await watcher.stop();
  process.stderr.write(`crash: killed with ${atKill}/20 new pods ready; min available ${watcher.minAvailable}, max pods ${watcher.maxPods}\n`);
  expect(watcher.maxPods).toBeLessThanOrEqual(20 + 5);
  expect(watcher.minAvailable).toBeGreaterThanOrEqual(20 - 5);
  const rss = h.list('ReplicaSet').filter((rs) => rs.metadata.labels?.app === 'big');
  expect(rss.map((rs) => (rs.spec as { replicas: number }).replicas).sort()).toEqual([0, 20]);
  await new Promise((r) => setTimeout(r, 500));
  expect(live()).toHaveLength(20);
}, 180_000);
