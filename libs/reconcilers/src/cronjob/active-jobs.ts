import { type Action, event } from '../common/action';
import { controllerRef } from '../common/owner-refs';
import { millis, rfc3339 } from '../common/time';
import type { CronJob, Job } from '../common/wire';
import { jobFinished } from '../job/job-conditions';
import { INSTANTIATE, SCHEDULED_TIMESTAMP } from './job-from-cronjob';

export type JobRef = NonNullable<NonNullable<CronJob['status']>['active']>[number];

export const jobRef = (j: Job): JobRef => ({
  apiVersion: 'batch/v1', kind: 'Job', namespace: j.metadata?.namespace, name: j.metadata?.name,
  ...(j.metadata?.uid ? { uid: j.metadata.uid } : {}),
});

/** An active-list entry names this Job (uid, when the entry has one, must agree). */
export const refersTo = (ref: JobRef, j: Job): boolean => ref.name === j.metadata?.name && (!ref.uid || ref.uid === j.metadata?.uid);

/** Jobs the CronJob controls (its uid in their controller ref), in its namespace. */
export function ownedJobs(cj: CronJob, jobs: readonly Job[]): Job[] {
  return jobs.filter((j) => j.metadata?.namespace === cj.metadata?.namespace && controllerRef(j)?.uid === cj.metadata?.uid);
}

export interface ActiveList {
  active: JobRef[];
  lastSuccessfulTime?: string;
  events: Action[];
}

/**
 * The first part of `syncCronJob`: finished Jobs leave the active list (SawCompletedJob) and
 * advance lastSuccessfulTime; entries whose Job is gone leave it (MissingJob); an entry without
 * a uid (written before the Job existed) gets it. An unfinished owned Job missing from the list:
 * a scheduled one (it carries the scheduled-timestamp annotation: its status write was lost) is
 * added back; a manual one (`kubectl create job --from=cronjob/x`) is tolerated and stays out
 * of the list, as in Kubernetes, so it never blocks Forbid; any other gets UnexpectedJob.
 */
export function reconcileActiveList(cj: CronJob, owned: readonly Job[]): ActiveList {
  let active = [...(cj.status?.active ?? [])];
  let lastSuccessful = cj.status?.lastSuccessfulTime;
  const events: Action[] = [];
  for (const j of owned) {
    const i = active.findIndex((r) => refersTo(r, j));
    const finished = jobFinished(j);
    if (finished) {
      if (i >= 0) {
        active.splice(i, 1);
        events.push(event(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata?.name}, condition: ${finished}`));
      }
      const done = millis(j.status?.completionTime);
      if (done !== undefined && (lastSuccessful === undefined || done > (millis(lastSuccessful) ?? 0))) lastSuccessful = rfc3339(new Date(done));
    } else if (i >= 0) {
      if (!active[i].uid && j.metadata?.uid) active[i] = { ...active[i], uid: j.metadata.uid };
    } else if (j.metadata?.annotations?.[INSTANTIATE] === 'manual') {
      // tolerated: runs alongside, counted in history once finished
    } else if (j.metadata?.annotations?.[SCHEDULED_TIMESTAMP]) {
      active.push(jobRef(j));
    } else {
      events.push(event(cj, 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${j.metadata?.name}`));
    }
  }
  const gone = active.filter((r) => !owned.some((j) => refersTo(r, j)));
  for (const r of gone) events.push(event(cj, 'Normal', 'MissingJob', `Active job went missing: ${r.name}`));
  active = active.filter((r) => !gone.includes(r));
  return { active, ...(lastSuccessful ? { lastSuccessfulTime: lastSuccessful } : {}), events };
}
