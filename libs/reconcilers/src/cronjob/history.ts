import { type Action, event, refOf } from '../common/action';
import { millis } from '../common/time';
import type { CronJob, Job } from '../common/wire';
import { jobFinished } from '../job/job-conditions';

/** `byJobStartTime`: jobs with a startTime first, oldest first, ties by name. */
export function byStartTime(a: Job, b: Job): number {
  const sa = millis(a.status?.startTime);
  const sb = millis(b.status?.startTime);
  if (sa === undefined && sb !== undefined) return 1;
  if (sa !== undefined && sb === undefined) return -1;
  if (sa !== sb) return (sa ?? 0) - (sb ?? 0);
  return (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '');
}

/**
 * `cleanupFinishedJobs`: keep the newest successfulJobsHistoryLimit Complete and
 * failedJobsHistoryLimit Failed Jobs (manual `--from=cronjob` Jobs included, as they are
 * owned), deleting the oldest others with Background propagation. Jobs already being deleted
 * neither count nor get deleted again.
 */
export function cleanupFinishedJobs(cj: CronJob, owned: readonly Job[]): Action[] {
  const ok = cj.spec?.successfulJobsHistoryLimit;
  const bad = cj.spec?.failedJobsHistoryLimit;
  if ((ok === undefined || ok === null) && (bad === undefined || bad === null)) return [];
  const live = owned.filter((j) => !j.metadata?.deletionTimestamp);
  const actions: Action[] = [];
  const prune = (jobs: Job[], limit: number | undefined | null) => {
    if (limit === undefined || limit === null || jobs.length <= limit) return;
    for (const j of jobs.sort(byStartTime).slice(0, jobs.length - limit)) {
      actions.push({ type: 'delete', key: refOf(j, { apiVersion: 'batch/v1', kind: 'Job' }), propagation: 'Background', intent: 'Deleted' });
      actions.push(event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${j.metadata?.name}`));
    }
  };
  prune(live.filter((j) => jobFinished(j) === 'Complete'), ok);
  prune(live.filter((j) => jobFinished(j) === 'Failed'), bad);
  return actions;
}
