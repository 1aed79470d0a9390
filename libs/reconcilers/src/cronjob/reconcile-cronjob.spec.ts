import type { Action } from '../common/action';
import type { CronJob, Job } from '../common/wire';
import { at, expectOneWritePerObject, iso, ofType } from '../testing/fixtures';
import { reconcileCronJob } from './reconcile-cronjob';

const MIN = 60;
const T = (min: number) => 28_928_160 + min; // minutes since the epoch at T0 (2025-01-01T00:00Z) + min

function cronJob(spec: Partial<NonNullable<CronJob['spec']>> = {}, status?: CronJob['status']): CronJob {
  return {
    apiVersion: 'batch/v1', kind: 'CronJob',
    metadata: { name: 'tick', namespace: 'default', uid: 'uid-tick', resourceVersion: '3', creationTimestamp: iso(0) },
    spec: {
      schedule: '* * * * *', concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1,
      jobTemplate: { metadata: { labels: { app: 'tick' } }, spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }] } } } },
      ...spec,
    },
    ...(status ? { status } : {}),
  };
}

function child(min: number, state: 'running' | 'Complete' | 'Failed', o: { manual?: boolean; owner?: string } = {}): Job {
  const name = o.manual ? `tick-manual-${min}` : `tick-${T(min)}`;
  return {
    apiVersion: 'batch/v1', kind: 'Job',
    metadata: {
      name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '9',
      annotations: o.manual ? { 'cronjob.kubernetes.io/instantiate': 'manual' } : { 'batch.kubernetes.io/cronjob-scheduled-timestamp': iso(min * MIN) },
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'tick', uid: o.owner ?? 'uid-tick', controller: true }],
    },
    status: {
      startTime: iso(min * MIN),
      ...(state === 'running' ? { active: 1 } : { conditions: [{ type: state, status: 'True' }], ...(state === 'Complete' ? { completionTime: iso(min * MIN + 30) } : {}) }),
    },
  };
}
const ref = (min: number) => ({ apiVersion: 'batch/v1', kind: 'Job', namespace: 'default', name: `tick-${T(min)}`, uid: `uid-tick-${T(min)}` });
const statusOf = (a: Action[]) => (ofType(a, 'updateStatus')[0]?.object as CronJob | undefined)?.status;
const reasons = (a: Action[]) => ofType(a, 'event').map((e) => e.reason);

describe('reconcileCronJob: scheduling', () => {
  it('creates the Job for the schedule time with a deterministic name, annotation and owner, then requeues', () => {
    const actions = reconcileCronJob(cronJob(), { jobs: [] }, at(61));
    const [c] = ofType(actions, 'create');
    const job = c.object as Job;
    expect(job.metadata).toEqual({
      name: `tick-${T(1)}`, namespace: 'default', labels: { app: 'tick' },
      annotations: { 'batch.kubernetes.io/cronjob-scheduled-timestamp': iso(60) },
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'tick', uid: 'uid-tick', controller: true, blockOwnerDeletion: true }],
    });
    expect(job.spec?.template?.spec?.restartPolicy).toBe('OnFailure');
    expect(statusOf(actions)).toEqual({ active: [{ apiVersion: 'batch/v1', kind: 'Job', namespace: 'default', name: `tick-${T(1)}` }], lastScheduleTime: iso(60) });
    expect(reasons(actions)).toEqual(['SuccessfulCreate']);
    expect(ofType(actions, 'requeueAfter')).toEqual([{ type: 'requeueAfter', seconds: 60 }]);
    expect(reconcileCronJob(cronJob(), { jobs: [] }, at(61))).toEqual(actions);
  });

  it('annotates in the CronJob time zone', () => {
    const [c] = ofType(reconcileCronJob(cronJob({ timeZone: 'Asia/Kolkata' }), { jobs: [] }, at(61)), 'create');
    expect(c.object.metadata?.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2025-01-01T05:31:00+05:30');
  });

  it('before the first schedule time only requeues', () => {
    expect(reconcileCronJob(cronJob(), { jobs: [] }, at(20))).toEqual([{ type: 'requeueAfter', seconds: 41 }]);
  });

  it('after downtime runs only the most recent missed time', () => {
    const actions = reconcileCronJob(cronJob({}, { lastScheduleTime: iso(60) }), { jobs: [] }, at(10 * MIN + 5));
    expect(ofType(actions, 'create').map((c) => c.object.metadata?.name)).toEqual([`tick-${T(10)}`]);
  });

  it('more than 100 missed times: TooManyMissedTimes, and still runs the most recent (as Kubernetes 1.32)', () => {
    const actions = reconcileCronJob(cronJob(), { jobs: [] }, at(200 * MIN));
    expect(reasons(actions)).toEqual(['TooManyMissedTimes', 'SuccessfulCreate']);
    expect(ofType(actions, 'event')[0].eventType).toBe('Warning');
  });

  it('startingDeadlineSeconds: a start later than the deadline is a MissSchedule', () => {
    const actions = reconcileCronJob(cronJob({ startingDeadlineSeconds: 10, schedule: '0 * * * *' }), { jobs: [] }, at(3600 + 20));
    expect(ofType(actions, 'create')).toHaveLength(0);
    expect(reasons(actions)).toEqual([]); // the look-back is bounded by the deadline: nothing to miss
    const late = reconcileCronJob(cronJob({ startingDeadlineSeconds: 30, schedule: '0 * * * *' }), { jobs: [] }, at(3600 + 20));
    expect(ofType(late, 'create')).toHaveLength(1);
  });

  it('a Job already there under the deterministic name is recognised, not created again', () => {
    const actions = reconcileCronJob(cronJob(), { jobs: [child(1, 'running')] }, at(61));
    expect(ofType(actions, 'create')).toHaveLength(0);
    expect(statusOf(actions)).toEqual({ active: [ref(1)], lastScheduleTime: iso(60) });
  });

  it.each([
    ['suspend', { suspend: true }, []],
    ['unknown time zone', { timeZone: 'Mars/Olympus' }, ['UnknownTimeZone']],
    ['unparseable schedule', { schedule: '* * *' }, ['UnparseableSchedule']],
  ])('%s: no Job, no requeue', (_n, spec, events) => {
    const actions = reconcileCronJob(cronJob(spec), { jobs: [] }, at(61));
    expect(ofType(actions, 'create')).toHaveLength(0);
    expect(ofType(actions, 'requeueAfter')).toHaveLength(0);
    expect(reasons(actions)).toEqual(events);
  });
});

describe('reconcileCronJob: concurrency', () => {
  const running = { jobs: [child(1, 'running')] };
  const st = { active: [ref(1)], lastScheduleTime: iso(60) };
  it.each([
    ['Allow starts another', 'Allow', 1, 0, ['SuccessfulCreate']],
    ['Forbid waits', 'Forbid', 0, 0, ['JobAlreadyActive']],
    ['Replace deletes the running one and starts another', 'Replace', 1, 1, ['SuccessfulDelete', 'SuccessfulCreate']],
  ])('%s', (_n, policy, creates, deletes, events) => {
    const actions = reconcileCronJob(cronJob({ concurrencyPolicy: policy }, st), running, at(2 * MIN + 1));
    expect(ofType(actions, 'create')).toHaveLength(creates);
    expect(ofType(actions, 'delete')).toHaveLength(deletes);
    if (deletes) expect(ofType(actions, 'delete')[0]).toMatchObject({ key: { name: `tick-${T(1)}` }, propagation: 'Background' });
    expect(reasons(actions)).toEqual(events);
    expectOneWritePerObject(actions);
  });

  it('a manual Job (kubectl create job --from=cronjob) neither blocks Forbid nor warns', () => {
    const actions = reconcileCronJob(cronJob({ concurrencyPolicy: 'Forbid' }), { jobs: [child(0, 'running', { manual: true })] }, at(61));
    expect(reasons(actions)).toEqual(['SuccessfulCreate']);
  });

  it('an unfinished owned Job it did not create gets UnexpectedJob', () => {
    const stray = child(0, 'running');
    delete stray.metadata!.annotations;
    expect(reasons(reconcileCronJob(cronJob({}, { lastScheduleTime: iso(60) }), { jobs: [stray] }, at(70)))).toEqual(['UnexpectedJob']);
  });
});

describe('reconcileCronJob: active list and history', () => {
  it('a finished Job leaves the active list and sets lastSuccessfulTime; a vanished one is MissingJob', () => {
    const cj = cronJob({}, { active: [ref(1), ref(2)], lastScheduleTime: iso(120) });
    const actions = reconcileCronJob(cj, { jobs: [child(1, 'Complete')] }, at(150));
    expect(reasons(actions)).toEqual(['SawCompletedJob', 'MissingJob']);
    expect(ofType(actions, 'event')[0].message).toBe(`Saw completed job: tick-${T(1)}, condition: Complete`);
    expect(statusOf(actions)).toEqual({ lastScheduleTime: iso(120), lastSuccessfulTime: iso(90) });
  });

  it('keeps successfulJobsHistoryLimit / failedJobsHistoryLimit, deleting the oldest (manual Jobs count)', () => {
    const jobs = [child(1, 'Complete'), child(2, 'Complete'), child(3, 'Complete', { manual: true }), child(4, 'Complete'), child(5, 'Failed'), child(6, 'Failed'),
      child(7, 'Complete', { owner: 'someone-else' })];
    const actions = reconcileCronJob(cronJob({ suspend: true }, { lastScheduleTime: iso(360) }), { jobs }, at(400));
    expect(ofType(actions, 'delete').map((d) => d.key.name)).toEqual([`tick-${T(1)}`, `tick-${T(5)}`]);
  });
});

describe('Every-minute Forbid CronJob over 5 minutes (acceptance shape, advanced clock)', () => {
  it('runs once per minute and keeps the history limit', () => {
    let cj = cronJob({ concurrencyPolicy: 'Forbid', successfulJobsHistoryLimit: 2 });
    const jobs = new Map<string, Job>();
    const created: string[] = [];
    for (let s = 0; s <= 5 * MIN + 30; s += 10) {
      for (const j of jobs.values()) { // each Job runs 20 s
        if (!j.status?.conditions && at(s).getTime() - Date.parse(j.status!.startTime!) >= 20_000) {
          j.status = { startTime: j.status?.startTime, conditions: [{ type: 'Complete', status: 'True' }], completionTime: iso(s) };
        }
      }
      for (const a of reconcileCronJob(cj, { jobs: [...jobs.values()] }, at(s))) {
        if (a.type === 'create') {
          const name = a.object.metadata!.name!;
          created.push(name);
          jobs.set(name, { ...(a.object as Job), metadata: { ...a.object.metadata, uid: `uid-${name}` }, status: { startTime: iso(s) } });
        }
        if (a.type === 'delete') jobs.delete(a.key.name);
        if (a.type === 'updateStatus') cj = a.object as CronJob;
      }
    }
    expect(created).toEqual([1, 2, 3, 4, 5].map((m) => `tick-${T(m)}`));
    expect([...jobs.keys()]).toEqual([`tick-${T(4)}`, `tick-${T(5)}`]);
    expect(cj.status?.lastSuccessfulTime).toBeDefined();
  });
});
