import type { V1Affinity } from '@kubernetes/client-node';
import { makeNode, makePod } from '@wake/scheduling';
import { waitUntil } from '@wake/testing';
import { explainStored, type StoredDecision } from './record/trim-record';
import { admin, SchedulerHarness } from './testing/scheduler-harness';

// Real NATS JetStream and PostgreSQL: the scheduler's informers list from the projection (an
// in-process Projector writes it) and follow the log; every write goes on the log.
const sim = { 'wake.dev/simulated': 'true' };
jest.setTimeout(60_000);
let h: SchedulerHarness;
afterEach(async () => { await h?.stop(); });

const boundEvents = async (name: string) =>
  (await h.eventsOf({ kind: 'Pod', namespace: 'default', name })).filter((e) => e.type === 'Pod.Bound');

it('fits pods by resources over three nodes, records why, and reports the one that fits nowhere', async () => {
  h = await SchedulerHarness.start({
    projection: true,
    before: async (x) => {
      await x.addNode(makeNode('small', { cpu: '1', memory: '2Gi', labels: sim }));
      await x.addNode(makeNode('medium', { cpu: '2', memory: '4Gi', labels: sim }));
      await x.addNode(makeNode('large', { cpu: '4', memory: '8Gi', labels: sim }));
    },
  });
  await h.createPod(makePod('big', { cpu: '3', memory: '1Gi' }));
  expect(await h.waitBound('big')).toBe('large');
  await h.createPod(makePod('mid', { cpu: '1500m', memory: '1Gi' }));
  expect(await h.waitBound('mid')).toBe('medium'); // large has 1 cpu left, small has 1
  await h.createPod(makePod('huge', { cpu: '8' }));
  expect(await h.waitUnschedulable('huge')).toBe(
    // 8 cpu exceeds every node's allocatable: preemption could not help (UnschedulableAndUnresolvable)
    '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
  );

  const [bound] = await boundEvents('big');
  const decision = bound.detail!.decision as StoredDecision;
  expect(decision.chosen).toBe('large');
  expect(explainStored(decision, 'small')).toEqual({ verdict: 'rejected', plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'] });
  expect(bound.object.status).toMatchObject({ conditions: [expect.objectContaining({ type: 'PodScheduled', status: 'True' })] });
  await waitUntil(async () => (await h.podEvents('big')).length === 1 && (await h.podEvents('huge')).length === 1, 5000, 'events');
  expect(await h.podEvents('big')).toEqual(['Scheduled: Successfully assigned default/big to large']);
  expect((await h.podEvents('huge'))[0]).toMatch(/^FailedScheduling: 0\/3 nodes are available: 3 Insufficient cpu\./);
  const failed = (await h.eventsOf({ kind: 'Pod', namespace: 'default', name: 'huge' })).filter((e) => e.type === 'Pod.SchedulingFailed');
  expect(failed).toHaveLength(1);
  expect((failed[0].detail!.decision as StoredDecision).rejected.total).toBe(3);
});

it('keeps pods off a tainted node unless they tolerate the taint', async () => {
  h = await SchedulerHarness.start({ projection: true });
  await h.addNode(makeNode('gpu-1', { labels: sim, taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] }));
  await h.createPod(makePod('plain'));
  expect(await h.waitUnschedulable('plain')).toBe(
    '0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
  );
  await h.createPod(makePod('trainer', { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }] }));
  expect(await h.waitBound('trainer')).toBe('gpu-1');
  expect((await h.pod('plain'))!.spec!.nodeName).toBeUndefined();
});

it('parks a pod whose nodeSelector matches nothing and binds it as soon as a matching node appears, not before', async () => {
  h = await SchedulerHarness.start({ projection: true });
  await h.addNode(makeNode('hdd-1', { labels: { ...sim, disk: 'hdd' } }));
  await h.createPod(makePod('db', { nodeSelector: { disk: 'ssd' } }));
  expect(await h.waitUnschedulable('db')).toMatch(/^0\/1 nodes are available: 1 node\(s\) didn't match Pod's node affinity\/selector\./);
  const cycles = h.scheduler.stats.cycles;
  await h.addNode(makeNode('hdd-2', { labels: { ...sim, disk: 'hdd' } })); // cannot help: no retry
  await waitUntil(() => h.scheduler.cache.snapshot.numNodes === 2, 5000, 'hdd-2 in the cache');
  expect(h.scheduler.stats.cycles).toBe(cycles);
  const t0 = Date.now();
  await h.addNode(makeNode('ssd-1', { labels: { ...sim, disk: 'ssd' } }));
  expect(await h.waitBound('db', 5000)).toBe('ssd-1');
  expect(Date.now() - t0).toBeLessThan(2000);
  expect(h.scheduler.stats.cycles).toBe(cycles + 1);
});

it('spreads three replicas with required anti-affinity over three nodes, and places a fourth when one goes', async () => {
  h = await SchedulerHarness.start({ projection: true });
  for (const n of ['a', 'b', 'c']) await h.addNode(makeNode(`node-${n}`, { labels: sim }));
  const affinity: V1Affinity = {
    podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'web' } } }] },
  };
  const replica = (i: number) => makePod(`web-${i}`, { labels: { app: 'web' }, affinity });
  await Promise.all([0, 1, 2].map((i) => h.createPod(replica(i)))); // all three queued before any binding is acknowledged
  const nodes = await Promise.all([0, 1, 2].map((i) => h.waitBound(`web-${i}`)));
  expect(new Set(nodes).size).toBe(3);
  await h.createPod(replica(3));
  expect(await h.waitUnschedulable('web-3')).toMatch(/^0\/3 nodes are available: 3 node\(s\) didn't satisfy existing pods anti-affinity rules\./);
  await h.store.delete({ kind: 'Pod', namespace: 'default', name: 'web-1' }, { actor: admin, gracePeriodSeconds: 0 });
  expect(await h.waitBound('web-3')).toBe(nodes[1]);
});

it('never puts two pods with the same hostPort on one node', async () => {
  h = await SchedulerHarness.start({ projection: true });
  await h.addNode(makeNode('node-a', { labels: sim }));
  await h.addNode(makeNode('node-b', { labels: sim }));
  const web = (name: string) => makePod(name, { ports: [{ containerPort: 80, hostPort: 8080, protocol: 'TCP' }] });
  await Promise.all([h.createPod(web('p1')), h.createPod(web('p2'))]);
  const [n1, n2] = [await h.waitBound('p1'), await h.waitBound('p2')];
  expect([n1, n2].sort()).toEqual(['node-a', 'node-b']);
  await h.createPod(web('p3'));
  expect(await h.waitUnschedulable('p3')).toMatch(/^0\/2 nodes are available: 2 node\(s\) didn't have free ports for the requested pod ports\./);
  for (const p of ['p1', 'p2', 'p3']) expect((await boundEvents(p)).length).toBe(p === 'p3' ? 0 : 1);
});
