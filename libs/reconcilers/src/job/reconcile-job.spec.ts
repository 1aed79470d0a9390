import { seededRandom } from '../common/names';
import type { Job, Pod } from '../common/wire';
import { at, expectOneWritePerObject, iso, ofType } from '../testing/fixtures';
import { condTypes, job, jp, statusOf } from './job-fixtures';
import { reconcileJob } from './reconcile-job';

const env = (s = 0) => ({ now: at(s), random: seededRandom(3) });
const run = (j: Job, pods: Pod[], s = 0) => reconcileJob(j, { pods }, env(s));

describe('reconcileJob: pods', () => {
  it('creates parallelism pods from the template with the Job labels and a controller ref', () => {
    const actions = run(job({ completions: 5, parallelism: 2 }), []);
    const creates = ofType(actions, 'create');
    expect(creates).toHaveLength(2);
    const p = creates[0].object as Pod;
    expect(p.metadata?.name).toMatch(/^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p.metadata?.labels).toEqual({
      app: 'pi', 'batch.kubernetes.io/controller-uid': 'uid-pi', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': 'uid-pi', 'job-name': 'pi',
    });
    expect(p.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'Job', name: 'pi', uid: 'uid-pi', controller: true });
    expect(p.spec?.restartPolicy).toBe('Never');
    expect(statusOf(actions)).toMatchObject({ active: 2, ready: 0, succeeded: 0, failed: 0, terminating: 0, startTime: iso(0) });
    expect(run(job({ completions: 5, parallelism: 2 }), [])).toEqual(actions);
  });

  it.each([
    ['remaining completions cap parallelism', { completions: 5, parallelism: 3 }, ['S', 'S', 'S', 'S', 'R'], 0],
    ['fills up to parallelism', { completions: 5, parallelism: 3 }, ['S', 'R'], 2],
    ['no completions: parallelism until a success', { completions: undefined, parallelism: 2 }, ['R'], 1],
    ['no completions: no new pods after a success', { completions: undefined, parallelism: 3 }, ['S', 'R'], 0],
    ['failed pods are replaced', { completions: 2, parallelism: 2 }, ['F', 'R'], 1],
  ])('%s', (_n, spec, phases, creates) => {
    const names = { S: 'Succeeded', R: 'Running', F: 'Failed' } as Record<string, string>;
    const pods = phases.map((ph, i) => jp(`p${i}`, { phase: names[ph], finished: -100 }));
    expect(ofType(run(job(spec), pods), 'create')).toHaveLength(creates);
  });

  it('deletes surplus pods when parallelism goes down, and creates nothing in that pass', () => {
    const pods = [jp('a'), jp('b'), jp('c', { ready: false })];
    const actions = run(job({ completions: 10, parallelism: 1 }), pods);
    expect(ofType(actions, 'delete').map((d) => d.key.name)).toEqual(['c', 'a']);
    expect(ofType(actions, 'create')).toHaveLength(0);
    expect(statusOf(actions)).toMatchObject({ active: 1, terminating: 2 });
    expectOneWritePerObject(actions);
  });

  it('waits out the pod failure back-off before replacing a failed pod', () => {
    const pods = [jp('a', { phase: 'Failed', finished: 0 }), jp('b', { phase: 'Failed', finished: 5 })];
    const early = run(job(), pods, 10);
    expect(ofType(early, 'create')).toHaveLength(0);
    expect(ofType(early, 'requeueAfter')).toEqual([{ type: 'requeueAfter', seconds: 15 }]); // 5 + 20 - 10
    expect(ofType(run(job(), pods, 25), 'create')).toHaveLength(1);
  });
});

describe('reconcileJob: completion and failure', () => {
  it('records SuccessCriteriaMet and Complete with completionTime once completions succeeded', () => {
    const pods = [jp('a', { phase: 'Succeeded' }), jp('b', { phase: 'Succeeded' })];
    const actions = run(job({ completions: 2, parallelism: 2 }, { startTime: iso(0) }), pods, 30);
    const st = statusOf(actions)!;
    expect(condTypes(st)).toEqual(['SuccessCriteriaMet=True:CompletionsReached', 'Complete=True:CompletionsReached']);
    expect(st.conditions?.[1].message).toBe('Reached expected number of succeeded pods');
    expect(st).toMatchObject({ succeeded: 2, active: 0, completionTime: iso(30), startTime: iso(0) });
    expect(ofType(actions, 'event').map((e) => [e.reason, e.message])).toEqual([['Completed', 'Job completed']]);
  });

  it('fails with BackoffLimitExceeded: FailureTarget first, active pods deleted, Failed once they are gone', () => {
    const j = job({ completions: 3, parallelism: 2, backoffLimit: 1 }, { startTime: iso(0) });
    const failed = [jp('f1', { phase: 'Failed' }), jp('f2', { phase: 'Failed' })];
    const first = run(j, [...failed, jp('r')], 40);
    expect(ofType(first, 'delete').map((d) => d.key.name)).toEqual(['r']);
    const st = statusOf(first)!;
    expect(condTypes(st)).toEqual(['FailureTarget=True:BackoffLimitExceeded']);
    expect(st).toMatchObject({ failed: 2, active: 0, terminating: 1 });
    expect(ofType(first, 'create')).toHaveLength(0);

    const j2 = { ...j, status: st };
    const second = run(j2, [...failed, jp('r', { deleting: true })], 41);
    expect(statusOf(second)).toBeUndefined(); // still terminating: nothing new to say
    const third = run(j2, failed, 50);
    expect(condTypes(statusOf(third))).toEqual(['FailureTarget=True:BackoffLimitExceeded', 'Failed=True:BackoffLimitExceeded']);
    expect(statusOf(third)?.completionTime).toBeUndefined();
    expect(ofType(third, 'event')).toEqual([expect.objectContaining({ eventType: 'Warning', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' })]);
  });

  it('restartPolicy OnFailure: container restarts count against backoffLimit', () => {
    const j = job({ backoffLimit: 2, template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'x' }] } } });
    expect(condTypes(statusOf(run(j, [jp('a', { restarts: 1 })])))).toEqual([]);
    expect(condTypes(statusOf(run(j, [jp('a', { restarts: 2 })])))).toEqual(['FailureTarget=True:BackoffLimitExceeded']);
  });

  it('activeDeadlineSeconds: requeues until the deadline, then DeadlineExceeded', () => {
    const j = job({ activeDeadlineSeconds: 60 }, { startTime: iso(0), active: 1, ready: 1, succeeded: 0, failed: 0, terminating: 0, uncountedTerminatedPods: {} });
    expect(run(j, [jp('a')], 20)).toEqual([{ type: 'requeueAfter', seconds: 40 }]);
    const late = run(j, [jp('a')], 60);
    expect(ofType(late, 'delete').map((d) => d.key.name)).toEqual(['a']);
    expect(condTypes(statusOf(late))).toEqual(['FailureTarget=True:DeadlineExceeded']);
  });
});

describe('reconcileJob: suspend', () => {
  it('deletes active pods and records Suspended; resuming resets startTime', () => {
    const j = job({ suspend: true, parallelism: 2, completions: 4 }, { startTime: iso(0) });
    const actions = run(j, [jp('a'), jp('b', { phase: 'Succeeded' })], 10);
    expect(ofType(actions, 'delete').map((d) => d.key.name)).toEqual(['a']);
    const st = statusOf(actions)!;
    expect(condTypes(st)).toEqual(['Suspended=True:JobSuspended']);
    expect(ofType(actions, 'event').map((e) => e.reason)).toEqual(['SuccessfulDelete', 'Suspended']);

    const resumed = run({ ...j, spec: { ...j.spec!, suspend: false }, status: st }, [jp('b', { phase: 'Succeeded' })], 100);
    expect(ofType(resumed, 'create')).toHaveLength(2);
    expect(condTypes(statusOf(resumed))).toEqual(['Suspended=False:JobResumed']);
    expect(statusOf(resumed)?.startTime).toBe(iso(100));
  });

  it('a Job created suspended has no startTime', () => {
    const st = statusOf(run(job({ suspend: true }), []));
    expect(st?.startTime).toBeUndefined();
    expect(condTypes(st)).toEqual(['Suspended=True:JobSuspended']);
  });
});

describe('reconcileJob: ttlSecondsAfterFinished', () => {
  const done = (ttl?: number) => job({ ttlSecondsAfterFinished: ttl }, {
    conditions: [{ type: 'Complete', status: 'True', lastTransitionTime: iso(100) }], completionTime: iso(100),
  });
  it.each([
    ['no ttl: nothing', undefined, 500, []],
    ['before expiry: requeue', 60, 130, [{ type: 'requeueAfter', seconds: 30 }]],
    ['expired: delete in the background with preconditions', 60, 160, [{
      type: 'delete', key: { apiVersion: 'batch/v1', kind: 'Job', namespace: 'default', name: 'pi', uid: 'uid-pi' }, expectSeq: '7', propagation: 'Background', intent: 'Expired',
    }]],
  ])('%s', (_n, ttl, now, want) => expect(run(done(ttl), [jp('a', { phase: 'Succeeded' })], now)).toEqual(want));
});
