import { rfc3339 } from '../common/time';
import type { Job } from '../common/wire';

export type JobCondition = NonNullable<NonNullable<Job['status']>['conditions']>[number];

export const COMPLETE = 'Complete';
export const FAILED = 'Failed';
export const SUSPENDED = 'Suspended';
export const SUCCESS_CRITERIA_MET = 'SuccessCriteriaMet';
export const FAILURE_TARGET = 'FailureTarget';

export function trueCondition(job: Job, type: string): JobCondition | undefined {
  return (job.status?.conditions ?? []).find((c) => c.type === type && c.status === 'True');
}

/** 'Complete' or 'Failed' once the Job has either condition True (`IsJobFinished`). */
export function jobFinished(job: Job): 'Complete' | 'Failed' | undefined {
  if (trueCondition(job, COMPLETE)) return 'Complete';
  if (trueCondition(job, FAILED)) return 'Failed';
  return undefined;
}

export function newCondition(type: string, status: string, reason: string, message: string, now: Date): JobCondition {
  const t = rfc3339(now);
  return { type, status, reason, message, lastProbeTime: t, lastTransitionTime: t };
}

/**
 * `ensureJobConditionStatus`: replace the condition when status, reason or message differ; add
 * it when absent unless the status is False. Returns the same array when nothing changed.
 */
export function ensureCondition(list: readonly JobCondition[], type: string, status: string, reason: string, message: string, now: Date): JobCondition[] {
  const i = list.findIndex((c) => c.type === type);
  if (i >= 0) {
    const c = list[i];
    if (c.status === status && (c.reason ?? '') === reason && (c.message ?? '') === message) return list as JobCondition[];
    const next = [...list];
    next[i] = newCondition(type, status, reason, message, now);
    return next;
  }
  return status === 'False' ? (list as JobCondition[]) : [...list, newCondition(type, status, reason, message, now)];
}
