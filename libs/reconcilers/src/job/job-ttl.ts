import { type Action, refOf, requeueAfter, seqOf } from '../common/action';
import { millis } from '../common/time';
import type { Job } from '../common/wire';
import { jobFinished, trueCondition } from './job-conditions';

/** When the Job finished (ms): its Complete or Failed condition's transition time (`jobFinishTime`). */
export function jobFinishTime(job: Job): number | undefined {
  const kind = jobFinished(job);
  return kind ? millis(trueCondition(job, kind)?.lastTransitionTime) ?? millis(job.status?.completionTime) : undefined;
}

/**
 * TTL-after-finished: once `finish + ttlSecondsAfterFinished` has passed, delete the Job
 * (Background propagation: the garbage collector then deletes its pods; the uid and the
 * resourceVersion read are the preconditions, so a Job whose TTL was just changed is not
 * deleted); until then, requeue for that moment. Kubernetes' TTL controller uses Foreground.
 */
export function reconcileJobTtl(job: Job, now: Date): Action[] {
  const ttl = job.spec?.ttlSecondsAfterFinished;
  if (ttl === undefined || ttl === null || job.metadata?.deletionTimestamp) return [];
  const finished = jobFinishTime(job);
  if (finished === undefined) return [];
  const expireAt = finished + ttl * 1000;
  if (now.getTime() < expireAt) return [requeueAfter((expireAt - now.getTime()) / 1000)];
  return [{ type: 'delete', key: refOf(job, { apiVersion: 'batch/v1', kind: 'Job' }), expectSeq: seqOf(job), propagation: 'Background', intent: 'Expired' }];
}
