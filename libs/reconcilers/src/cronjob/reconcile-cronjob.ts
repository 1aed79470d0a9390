import { type Action, event, refOf, requeueAfter, seqOf } from '../common/action';
import { clone } from '../common/owner-refs';
import { millis, rfc3339 } from '../common/time';
import type { CronJob, Job } from '../common/wire';
import { canonicalJson } from '../deployment/pod-template-hash';
import { jobFinished } from '../job/job-conditions';
import { type JobRef, jobRef, ownedJobs, reconcileActiveList } from './active-jobs';
import { cleanupFinishedJobs } from './history';
import { jobFromCronJob, jobNameFor } from './job-from-cronjob';
import { parseSchedule, validTimeZone } from './schedule';
import { mostRecentScheduleTime, secondsToNextSchedule } from './schedule-times';

export interface CronJobObserved {
  /** Jobs of the CronJob's namespace (at least those it owns). */
  jobs: readonly Job[];
}

const JOB = { apiVersion: 'batch/v1', kind: 'Job' };

/**
 * CronJob controller v2 (`sync` = `syncCronJob` + `cleanupFinishedJobs`, Kubernetes 1.32).
 * At most one Job per pass, for the most recent missed schedule time only; its name is
 * deterministic (`<cronjob>-<minutes since epoch>`), so a replayed pass proposes the same
 * create (the log's "absent" expectation refuses the duplicate) and a Job that exists but is
 * not yet in status is recognised instead of created again. Requeues for the next schedule.
 */
export function reconcileCronJob(cj: CronJob, observed: CronJobObserved, now: Date): Action[] {
  const owned = ownedJobs(cj, observed.jobs);
  const list = reconcileActiveList(cj, owned);
  let active: JobRef[] = list.active;
  let lastScheduleTime = cj.status?.lastScheduleTime;
  const actions: Action[] = [...list.events];
  const tail: Action[] = [];
  const spec = cj.spec;

  const plan = (): void => {
    if (cj.metadata?.deletionTimestamp) return;
    const tz = spec?.timeZone;
    if (tz !== undefined && tz !== null && !validTimeZone(tz)) {
      actions.push(event(cj, 'Warning', 'UnknownTimeZone', `invalid timeZone: ${JSON.stringify(tz)}: unknown time zone ${tz}`));
      return;
    }
    if (spec?.suspend) return;
    const parsed = parseSchedule(spec?.schedule ?? '', tz ?? undefined);
    if (/TZ/.test(spec?.schedule ?? '')) {
      actions.push(event(cj, 'Warning', 'UnsupportedSchedule', `CRON_TZ or TZ used in schedule ${JSON.stringify(spec?.schedule)} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`));
    }
    if (!parsed.ok) {
      actions.push(event(cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: ${JSON.stringify(spec?.schedule)} : ${parsed.message}`));
      return;
    }
    const sched = parsed.schedule;
    const recent = mostRecentScheduleTime(cj, now, sched, true);
    if (recent.error) {
      actions.push(event(cj, 'Warning', 'InvalidSchedule', `invalid schedule: ${spec?.schedule} : ${recent.error}`));
      return;
    }
    const requeue = () => tail.push(requeueAfter(secondsToNextSchedule({ ...cj, status: { ...cj.status, lastScheduleTime } }, now, sched)));
    const scheduled = recent.mostRecent;
    if (scheduled === undefined) return void requeue();
    if (recent.missed === 'many') {
      actions.push(event(cj, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew'));
    }
    const deadline = spec?.startingDeadlineSeconds;
    if (deadline !== undefined && deadline !== null && scheduled + deadline * 1000 < now.getTime()) {
      actions.push(event(cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${new Date(scheduled).toUTCString().replace('GMT', '+0000')}`));
      return void requeue();
    }
    const name = jobNameFor(cj, scheduled);
    const existing = owned.find((j) => j.metadata?.name === name);
    if (active.some((r) => r.name === name) || millis(lastScheduleTime) === scheduled || existing) {
      if (existing) lastScheduleTime = rfc3339(new Date(scheduled));
      return void requeue();
    }
    if (spec?.concurrencyPolicy === 'Forbid' && active.length > 0) {
      actions.push(event(cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid'));
      return void requeue();
    }
    if (spec?.concurrencyPolicy === 'Replace') {
      for (const r of active) {
        const j = owned.find((o) => o.metadata?.name === r.name && !jobFinished(o));
        if (!j) continue;
        if (!j.metadata?.deletionTimestamp) actions.push({ type: 'delete', key: refOf(j, JOB), propagation: 'Background', intent: 'Replaced' });
        actions.push(event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${r.name}`));
      }
      active = [];
    }
    const job = jobFromCronJob(cj, scheduled);
    actions.push({ type: 'create', object: job, intent: 'Created' });
    actions.push(event(cj, 'Normal', 'SuccessfulCreate', `Created job ${name}`));
    active = [...active, jobRef(job)];
    lastScheduleTime = rfc3339(new Date(scheduled));
    requeue();
  };
  plan();

  actions.push(...cleanupFinishedJobs(cj, owned));
  const status: NonNullable<CronJob['status']> = { ...(cj.status ?? {}) };
  delete status.active;
  if (active.length) status.active = active;
  if (lastScheduleTime) status.lastScheduleTime = lastScheduleTime;
  if (list.lastSuccessfulTime) status.lastSuccessfulTime = list.lastSuccessfulTime;
  if (canonicalJson(status) !== canonicalJson(cj.status ?? {})) {
    actions.push({ type: 'updateStatus', object: { ...clone(cj), status }, expectSeq: seqOf(cj), intent: 'StatusUpdated' });
  }
  return [...actions, ...tail];
}
