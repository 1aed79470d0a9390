import { newControllerRef } from '../common/owner-refs';
import type { CronJob, Job } from '../common/wire';
import { formatInZone } from './schedule';

export const SCHEDULED_TIMESTAMP = 'batch.kubernetes.io/cronjob-scheduled-timestamp';
/** kubectl create job --from=cronjob/x sets this; such Jobs are owned by the CronJob but not scheduled. */
export const INSTANTIATE = 'cronjob.kubernetes.io/instantiate';

/** `getJobName`: `<cronjob>-<scheduled time in minutes since the epoch>`, deterministic per schedule time. */
export function jobNameFor(cj: CronJob, scheduled: number): string {
  return `${cj.metadata?.name}-${Math.floor(scheduled / 60000)}`;
}

/**
 * `getJobFromTemplate2`: the Job for a schedule time: the template's labels and annotations,
 * the scheduled-timestamp annotation in the CronJob's time zone, a controller ref, the spec.
 */
export function jobFromCronJob(cj: CronJob, scheduled: number): Job {
  const t = structuredClone(cj.spec?.jobTemplate ?? {});
  const labels = t.metadata?.labels ?? {};
  const annotations = { ...(t.metadata?.annotations ?? {}), [SCHEDULED_TIMESTAMP]: formatInZone(new Date(scheduled), cj.spec?.timeZone ?? 'UTC') };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobNameFor(cj, scheduled),
      namespace: cj.metadata?.namespace,
      ...(Object.keys(labels).length ? { labels } : {}),
      annotations,
      ownerReferences: [newControllerRef(cj)],
    },
    spec: t.spec,
  };
}
