import type { KubeObject, StoredEvent } from '@wake/events';
import { computeHash, reconcileCronJob, reconcileDeployment, reconcileJob, seededRandom, type Action, type Deployment, type Job, type ReplicaSet } from '@wake/reconcilers';
import { makeNode, makePod } from '@wake/scheduling';
import type { FoldEntry } from '../state/state-fold';
import { ev } from '../testing/events';
import { replaySlice } from './replay-engine';
import { replayText } from './replay-text';

const SCHED = { actor: 'system:scheduler' };
const k = (o: unknown) => o as KubeObject;
const entry = (seq: number, o: unknown): FoldEntry => {
  const x = k(o);
  return { kind: x.kind, namespace: x.metadata.namespace ?? '', name: x.metadata.name, seq, type: `${x.kind}.Created`, object: x };
};
const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } };
const bound = (pod: unknown, node: string) => {
  const p = k(pod);
  return k({ ...p, spec: { ...(p.spec as object), nodeName: node } });
};

/** Two 4-cpu / 8Gi nodes: n1 half used, n2 a quarter used (cpu and memory alike, so balance is equal). */
function twoNodes(): FoldEntry[] {
  return [
    entry(1, ns), entry(2, makeNode('n1')), entry(3, makeNode('n2')),
    entry(4, makePod('hog-1', { cpu: '2', memory: '4Gi', nodeName: 'n1' })),
    entry(5, makePod('hog-2', { cpu: '1', memory: '2Gi', nodeName: 'n2' })),
  ];
}

describe('replaySlice: the scheduler', () => {
  const web = makePod('web-1', { cpu: '500m', memory: '1Gi' });

  it('finds no difference when today\'s scheduler binds where the recorded one did (least allocated: n2)', () => {
    const events = [ev(10, 'Pod.Created', k(web)), ev(11, 'Pod.Bound', bound(web, 'n2'), { ...SCHED, causationSeq: 10 })];
    const r = replaySlice({ seed: twoNodes(), events });
    expect(r.components.scheduler).toEqual({ compared: 1, matched: 1, different: 0, matchedEarlier: 0 });
    expect(r.differences).toEqual([]);
    expect(replayText(r)).toContain('no differences');
  });

  it('reports the binding with per-node scores when today\'s scoring differs (MostAllocated packs onto n1)', () => {
    const decision = { startIndex: 0, scored: { weights: { NodeResourcesFit: 1 }, top: [{ node: 'n2', total: 171, scores: { NodeResourcesFit: 71 } }] } };
    const events = [ev(10, 'Pod.Created', k(web)), ev(11, 'Pod.Bound', bound(web, 'n2'), { ...SCHED, causationSeq: 10, detail: { decision } })];
    const r = replaySlice({ seed: twoNodes(), events }, { schedulerConfig: { scoringStrategy: 'MostAllocated' } });
    expect(r.components.scheduler).toMatchObject({ compared: 1, matched: 0, different: 1 });
    const d = r.differences[0];
    expect(d).toMatchObject({ component: 'scheduler', seq: 11, object: 'Pod default/web-1', recorded: ['bind to n2'], today: ['bind to n1'] });
    expect(d.binding!.today.scores[0].node).toBe('n1');
    expect(d.binding!.today.scores[0].total).toBeGreaterThan(d.binding!.today.scores[1].total);
    expect(d.binding!.recorded.scores).toEqual(decision.scored.top);
    const text = replayText(r);
    expect(text).toMatch(/seq 11 .* scheduler {2}Pod default\/web-1/);
    expect(text).toMatch(/n2\s+171 \(NodeResourcesFit 71\)\s+\d+ \(NodeResourcesFit \d+/);
  });

  it('counts a tie as agreement when the recorded node is among today\'s best', () => {
    const seed = [entry(1, ns), entry(2, makeNode('n1')), entry(3, makeNode('n2'))];
    for (const node of ['n1', 'n2']) {
      const events = [ev(10, 'Pod.Created', k(web)), ev(11, 'Pod.Bound', bound(web, node), { ...SCHED, causationSeq: 10 })];
      expect(replaySlice({ seed, events }).components.scheduler.matched).toBe(1);
    }
  });

  it('agrees with a decision taken on a lagging cache (a pod freed n1 just before the binding), but not before its cause', () => {
    const freed = ev(11, 'Pod.Deleted', k(makePod('hog-1', { cpu: '2', memory: '4Gi', nodeName: 'n1' })));
    // With hog-1 gone n1 is emptier, so today's pick on the latest state is n1; the scheduler had not seen that yet.
    const seed = [...twoNodes().slice(0, 4), entry(5, makePod('hog-2', { cpu: '1', memory: '2Gi', nodeName: 'n2' }))];
    seed[3] = entry(4, makePod('hog-1', { cpu: '3', memory: '6Gi', nodeName: 'n1' }));
    const lagging = replaySlice({ seed, events: [ev(10, 'Pod.Created', k(web)), { ...freed, object: k(makePod('hog-1', { cpu: '3', memory: '6Gi', nodeName: 'n1' })) }, ev(12, 'Pod.Bound', bound(web, 'n2'), { ...SCHED, causationSeq: 10 })] });
    expect(lagging.components.scheduler).toEqual({ compared: 1, matched: 1, different: 0, matchedEarlier: 1 });
    // Caused by the deletion itself: the scheduler must have seen it, so n2 is a difference.
    const caused = replaySlice({ seed, events: [ev(10, 'Pod.Created', k(web)), { ...freed, object: k(makePod('hog-1', { cpu: '3', memory: '6Gi', nodeName: 'n1' })) }, ev(12, 'Pod.Bound', bound(web, 'n2'), { ...SCHED, causationSeq: 11 })] });
    expect(caused.components.scheduler).toMatchObject({ matched: 0, different: 1 });
  });

  it('compares unschedulable verdicts too', () => {
    const big = makePod('big', { cpu: '8' });
    const failed = ev(11, 'Pod.SchedulingFailed', k(big), SCHED);
    expect(replaySlice({ seed: twoNodes(), events: [ev(10, 'Pod.Created', k(big)), failed] }).components.scheduler.matched).toBe(1);
    const fits = makePod('small', { cpu: '100m' });
    const r = replaySlice({ seed: twoNodes(), events: [ev(10, 'Pod.Created', k(fits)), ev(11, 'Pod.SchedulingFailed', k(fits), SCHED)] });
    expect(r.differences[0]).toMatchObject({ recorded: ['unschedulable'], today: ['bind to n2'] });
    const noRoom = replaySlice({ seed: twoNodes(), events: [ev(10, 'Pod.Created', k(big)), ev(11, 'Pod.Bound', bound(big, 'n1'), SCHED)] });
    expect(noRoom.differences[0].today[0]).toMatch(/^unschedulable: 0\/2 nodes are available: 2 Insufficient cpu/);
  });
});

const CTRL = (controller: string, cause: string) => ({ actor: 'system:controllers', causationId: cause, detail: { controller } });
const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'wake/web:1' }] } };

function deployment(replicas: number, generation: number): Deployment {
  return k({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', uid: 'uid-d', generation },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template }, status: { observedGeneration: 1 } }) as Deployment;
}

function replicaSetOf(d: Deployment, replicas: number): ReplicaSet {
  const hash = computeHash(template);
  return k({ apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: { name: `web-${hash}`, namespace: 'default', uid: 'uid-rs', generation: 1, labels: { app: 'web', 'pod-template-hash': hash },
      annotations: { 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': String(replicas), 'deployment.kubernetes.io/max-replicas': String(replicas + 1) },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: d.metadata!.uid!, controller: true }] },
    spec: { replicas, selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } },
      template: { ...template, metadata: { labels: { app: 'web', 'pod-template-hash': hash } } } },
    status: { replicas, observedGeneration: 1 } }) as ReplicaSet;
}

const withRv = (o: unknown, seq: number) => k({ ...k(o), metadata: { ...k(o).metadata, resourceVersion: String(seq) } });

describe('replaySlice: the controllers', () => {
  it('agrees with a ReplicaSet that created its missing pods (names and status aside), and flags one that would not', () => {
    const d = deployment(1, 1);
    const rs = replicaSetOf(d, 2);
    const seed = [entry(1, ns), entry(2, d), entry(3, rs)];
    const podFrom = (name: string) => k({ apiVersion: 'v1', kind: 'Pod',
      metadata: { name, generateName: `${rs.metadata!.name}-`, namespace: 'default', uid: `uid-${name}`, labels: rs.spec!.template!.metadata!.labels,
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata!.name, uid: 'uid-rs', controller: true }] },
      spec: { ...template.spec, restartPolicy: 'Always' } });
    const created = [ev(10, 'Pod.Created', podFrom(`${rs.metadata!.name}-aaaaa`), CTRL('replicaset', 'c3')), ev(11, 'Pod.Created', podFrom(`${rs.metadata!.name}-bbbbb`), CTRL('replicaset', 'c3'))];
    const r = replaySlice({ seed, events: created });
    expect(r.components.replicaset).toEqual({ compared: 1, matched: 1, different: 0, matchedEarlier: 0 });

    const tooMany = replaySlice({ seed: [entry(1, ns), entry(2, d), entry(3, replicaSetOf(d, 1))], events: created });
    expect(tooMany.components.replicaset).toMatchObject({ compared: 1, different: 1 });
    expect(tooMany.differences[0].recorded).toHaveLength(2);
    expect(tooMany.differences[0].today.filter((s) => s.startsWith('create'))).toHaveLength(1);
  });

  it('splits a key\'s writes into reconciles: a second write to the same object is a new reconcile', () => {
    const d = deployment(1, 1);
    const rs = replicaSetOf(d, 0);
    const seed = [entry(1, ns), entry(2, d), entry(3, rs)];
    const pod = k({ ...makePod('web-x', { labels: { app: 'web', 'pod-template-hash': rs.metadata!.labels!['pod-template-hash'] }, owner: { kind: 'ReplicaSet', name: rs.metadata!.name!, uid: 'uid-rs' } }) });
    const del1 = ev(10, 'Pod.DeletionRequested', k({ ...pod, metadata: { ...pod.metadata, deletionTimestamp: '2026-01-01T00:00:10Z' } }), CTRL('replicaset', 'c1'));
    const seedWithPod = [...seed, entry(4, pod)];
    const r = replaySlice({ seed: seedWithPod, events: [del1, ev(11, 'Pod.Deleted', pod, CTRL('replicaset', 'c1'))] });
    // The mark matched today's delete; the removal (same object, same cause) is a second reconcile, which today would not do.
    expect(r.components.replicaset.compared).toBe(2);
    expect(r.components.replicaset.matched).toBe(1);
    expect(r.differences[0]).toMatchObject({ seq: 11, recorded: ['delete Pod web-x'], today: [] });
  });

  it('agrees with a Deployment scaling its ReplicaSet, and reports a recorded scale today would not make', () => {
    const d = withRv(deployment(3, 2), 2) as Deployment;
    const rs = withRv(replicaSetOf(d, 1), 3) as ReplicaSet;
    const seed = [entry(1, ns), entry(2, d), entry(3, rs)];
    const today = reconcileDeployment(d, { replicaSets: [rs] }, new Date('2026-01-01T00:00:10Z'));
    const scaled = today.find((a) => a.type === 'update')!;
    expect(scaled.type === 'update' && (scaled.object.spec as { replicas: number }).replicas).toBe(3);
    const recorded = ev(10, 'ReplicaSet.Scaled', k((scaled as { object: unknown }).object), CTRL('deployment', 'c2'));
    expect(replaySlice({ seed, events: [recorded] }).components.deployment).toEqual({ compared: 1, matched: 1, different: 0, matchedEarlier: 0 });

    const wrong = { ...recorded, object: k({ ...recorded.object, spec: { ...(recorded.object.spec as object), replicas: 2 } }) } as StoredEvent;
    const r = replaySlice({ seed, events: [wrong] });
    expect(r.differences).toHaveLength(1);
    expect(r.differences[0].recorded[0]).toMatch(/^update ReplicaSet web-\w+ replicas=2 revision=1 desired=3/);
    expect(r.differences[0].today).toContainEqual(expect.stringMatching(/^update ReplicaSet web-\w+ replicas=3 revision=1 desired=3/));
  });

  it('counts the writes of controllers it does not compare', () => {
    const ep = k({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web', namespace: 'default' } });
    const scheduled = k({ apiVersion: 'v1', kind: 'Event', metadata: { name: 'web.1', namespace: 'default' }, reason: 'Scheduled' });
    const r = replaySlice({ seed: [entry(1, ns)], events: [ev(10, 'Endpoints.Updated', ep, CTRL('endpoints', 'c')), ev(11, 'Endpoints.Created', ep), ev(12, 'Event.Created', scheduled, SCHED)] });
    expect(r.notCompared).toEqual({ endpoints: 1 });
    expect(replayText(r)).toContain('not compared: endpoints 1 writes');
  });

  /** The events a reconcile's actions would have written, as the runner writes them. */
  const recordedFrom = (actions: readonly Action[], firstSeq: number, controller: string, time: string): StoredEvent[] => actions
    .filter((a) => a.type === 'create' || a.type === 'update' || a.type === 'updateStatus')
    .map((a, n) => {
      const o = k((a as { object: unknown }).object);
      const intent = a.type === 'create' ? 'Created' : a.type === 'updateStatus' ? 'StatusUpdated' : (a as { intent?: string }).intent ?? 'Updated';
      return ev(firstSeq + n, `${o.kind}.${intent}`, o, { ...CTRL(controller, 'cause'), time });
    });

  it('replays a Job\'s pod creation and a CronJob\'s run at the recorded time (the virtual clock decides which run)', () => {
    const job = k({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi', namespace: 'default', uid: 'uid-pi', creationTimestamp: '2026-01-01T00:00:00Z' },
      spec: { completions: 1, parallelism: 1, backoffLimit: 6, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'uid-pi' } },
        template: { metadata: { labels: { 'batch.kubernetes.io/controller-uid': 'uid-pi', 'batch.kubernetes.io/job-name': 'pi' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } } });
    const at = '2026-01-01T00:00:10.000Z';
    const jobRun = recordedFrom(reconcileJob(withRv(job, 2) as Job, { pods: [] }, { now: new Date(at), random: seededRandom(1) }), 10, 'job', at);
    expect(jobRun.map((e) => e.type)).toContain('Pod.Created');
    expect(replaySlice({ seed: [entry(1, ns), entry(2, job)], events: jobRun }).components.job).toEqual({ compared: 1, matched: 1, different: 0, matchedEarlier: 0 });

    const cron = k({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'tick', namespace: 'default', uid: 'uid-tick', creationTimestamp: '2026-01-01T00:00:00Z' },
      spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } } } } });
    const runAt = '2026-01-01T00:05:01.000Z';
    const tick = recordedFrom(reconcileCronJob(withRv(cron, 2) as never, { jobs: [] }, new Date(runAt)), 10, 'cronjob', runAt);
    expect(tick[0].type).toBe('Job.Created');
    const same = replaySlice({ seed: [entry(1, ns), entry(2, cron)], events: tick });
    expect(same.components.cronjob).toMatchObject({ compared: 1, matched: 1, different: 0 });
    // The same writes recorded five minutes later: today's logic, at that time, would start the next run instead.
    const late = tick.map((e) => ({ ...e, time: '2026-01-01T00:10:01.000Z' }));
    const r = replaySlice({ seed: [entry(1, ns), entry(2, cron)], events: late });
    expect(r.components.cronjob.different).toBe(1);
    expect(r.differences[0]).toMatchObject({ component: 'cronjob', object: 'CronJob default/tick' });
    expect(r.differences[0].recorded[0]).toMatch(/^create Job tick-\d+ owner=CronJob\/tick images=busybox$/);
    expect(r.differences[0].today[0]).not.toBe(r.differences[0].recorded[0]);
  });
});
