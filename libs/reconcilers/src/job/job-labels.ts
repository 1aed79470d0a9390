import type { Job, LabelSelector } from '../common/wire';

/** Labels and annotations the Job controller and the apiserver put on a Job's pods. */
export const JOB_CONTROLLER_UID = 'batch.kubernetes.io/controller-uid';
export const JOB_NAME = 'batch.kubernetes.io/job-name';
export const LEGACY_CONTROLLER_UID = 'controller-uid';
export const LEGACY_JOB_NAME = 'job-name';
export const JOB_COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';
export const JOB_COMPLETION_INDEX_ENV = 'JOB_COMPLETION_INDEX';

/**
 * The Job's selector. The gateway generates `batch.kubernetes.io/controller-uid=<uid>` when the
 * user did not set `manualSelector`; a Job read before that happened falls back to the same.
 */
export function jobSelector(job: Job): LabelSelector {
  return job.spec?.selector ?? { matchLabels: { [JOB_CONTROLLER_UID]: job.metadata?.uid ?? '' } };
}

/** The four labels every pod of the Job carries (the legacy pair too, as Kubernetes 1.32 does). */
export function jobPodLabels(job: Job): Record<string, string> {
  const uid = job.metadata?.uid ?? '';
  const name = job.metadata?.name ?? '';
  return { [JOB_CONTROLLER_UID]: uid, [JOB_NAME]: name, [LEGACY_CONTROLLER_UID]: uid, [LEGACY_JOB_NAME]: name };
}

export const isIndexed = (job: Job): boolean => job.spec?.completionMode === 'Indexed';
export const isSuspended = (job: Job): boolean => job.spec?.suspend === true;
