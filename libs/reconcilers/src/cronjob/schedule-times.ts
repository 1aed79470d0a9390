import { millis } from '../common/time';
import type { CronJob } from '../common/wire';
import type { Schedule } from './schedule';

/** `nextScheduleDelta`: requeue a little after the schedule time against clock skew. */
export const NEXT_SCHEDULE_DELTA_MS = 100;

export type Missed = 'none' | 'few' | 'many';

export interface MostRecent {
  earliest: number;
  /** The most recent schedule time at or before now, if any (ms). */
  mostRecent?: number;
  missed: Missed;
  error?: string;
}

/**
 * `mostRecentScheduleTime`: from max(lastScheduleTime or creationTimestamp, now −
 * startingDeadlineSeconds) the latest schedule time not after now, and how many were
 * missed (estimated from the gap between two schedules, as Kubernetes does: >100 is "many").
 */
export function mostRecentScheduleTime(cj: CronJob, now: Date, schedule: Schedule, includeDeadline: boolean): MostRecent {
  let earliest = millis(cj.status?.lastScheduleTime) ?? millis(cj.metadata?.creationTimestamp) ?? now.getTime();
  const deadline = cj.spec?.startingDeadlineSeconds;
  if (includeDeadline && deadline !== undefined && deadline !== null) earliest = Math.max(earliest, now.getTime() - deadline * 1000);
  const t1 = schedule.next(new Date(earliest)).getTime();
  const t2 = schedule.next(new Date(t1)).getTime();
  const n = now.getTime();
  if (n < t1) return { earliest, missed: 'none' };
  if (n < t2) return { earliest, mostRecent: t1, missed: 'none' };
  const between = Math.round((t2 - t1) / 1000);
  if (between < 1) return { earliest, missed: 'none', error: 'time difference between two schedules is less than 1 second' };
  const missedCount = Math.trunc((n - t1) / 1000 / between) + 1;
  let mostRecent: number | undefined;
  const potentialEarliest = t1 + (missedCount - 2) * between * 1000;
  for (let t = schedule.next(new Date(potentialEarliest)).getTime(); t <= n; t = schedule.next(new Date(t)).getTime()) mostRecent = t;
  return { earliest, mostRecent, missed: missedCount > 100 ? 'many' : 'few' };
}

/** `nextScheduleTimeDuration`: seconds until the next schedule time after the most recent one (+100 ms). */
export function secondsToNextSchedule(cj: CronJob, now: Date, schedule: Schedule): number {
  const r = mostRecentScheduleTime(cj, now, schedule, false);
  const from = r.error ? now.getTime() : r.mostRecent ?? (r.missed === 'none' ? r.earliest : now.getTime());
  return (schedule.next(new Date(from)).getTime() + NEXT_SCHEDULE_DELTA_MS - now.getTime()) / 1000;
}
