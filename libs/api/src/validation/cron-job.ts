/** batch/v1 CronJob (ValidateCronJobCreate/Update): schedule, time zone, policies, job template. */
import { invalid, nonNegative, notSupported, required, type Causes } from './causes';
import { scheduleProblem, timeZoneProblem } from './cron-schedule';
import { validateJobSpec } from './job';
import type { Validator } from './validator';

type Obj = Record<string, any>;

/** Job names get an 11-character suffix, so CronJob names are at most 52 characters. */
export const MAX_CRONJOB_NAME = 52;
const POLICIES = ['Allow', 'Forbid', 'Replace'];

export const validateCronJob: Validator = (obj) => {
  const spec = (obj.spec ?? {}) as Obj;
  const out: Causes = [];
  const name = obj.metadata?.name;
  if (typeof name === 'string' && name.length > MAX_CRONJOB_NAME) {
    out.push(invalid('metadata.name', name, `must be no more than ${MAX_CRONJOB_NAME} characters`));
  }
  if (!spec.schedule) out.push(required('spec.schedule'));
  else {
    const why = scheduleProblem(String(spec.schedule));
    if (why) out.push(invalid('spec.schedule', spec.schedule, why));
  }
  if (spec.timeZone !== undefined && spec.timeZone !== null) {
    const why = timeZoneProblem(String(spec.timeZone));
    if (why) out.push(invalid('spec.timeZone', spec.timeZone, why));
  }
  if (spec.concurrencyPolicy !== undefined && !POLICIES.includes(spec.concurrencyPolicy)) {
    out.push(notSupported('spec.concurrencyPolicy', spec.concurrencyPolicy, POLICIES));
  }
  out.push(
    ...nonNegative('spec.startingDeadlineSeconds', spec.startingDeadlineSeconds),
    ...nonNegative('spec.successfulJobsHistoryLimit', spec.successfulJobsHistoryLimit),
    ...nonNegative('spec.failedJobsHistoryLimit', spec.failedJobsHistoryLimit),
    ...validateJobSpec(spec.jobTemplate?.spec ?? {}, 'spec.jobTemplate.spec'),
  );
  return out;
};
