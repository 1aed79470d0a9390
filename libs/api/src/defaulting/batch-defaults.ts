/**
 * batch/v1 defaults (SetDefaults_Job, SetDefaults_CronJob). The Job's generated selector and the
 * `batch.kubernetes.io/controller-uid` / `batch.kubernetes.io/job-name` labels need the object's
 * uid, so the gateway adds them when it assigns one; they are not defaults.
 */
import { defaultTemplate } from './pod-defaults';
import { child, setDefault, type Obj } from './set-default';

export function defaultJob(obj: Obj): void {
  const spec = child(obj, 'spec');
  defaultJobSpec(spec);
  const templateLabels = spec.template?.metadata?.labels as Obj | undefined;
  const meta = child(obj, 'metadata');
  if (templateLabels && !Object.keys(meta.labels ?? {}).length) meta.labels = { ...templateLabels };
}

function defaultJobSpec(spec: Obj): void {
  if ((spec.completions ?? null) === null && (spec.parallelism ?? null) === null) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  setDefault(spec, 'parallelism', 1);
  setDefault(spec, 'backoffLimit', spec.backoffLimitPerIndex !== undefined && spec.backoffLimitPerIndex !== null ? 2147483647 : 6);
  setDefault(spec, 'completionMode', 'NonIndexed');
  setDefault(spec, 'suspend', false);
  setDefault(spec, 'podReplacementPolicy', spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed');
  defaultTemplate(spec.template);
}

export function defaultCronJob(obj: Obj): void {
  const spec = child(obj, 'spec');
  setDefault(spec, 'concurrencyPolicy', 'Allow');
  setDefault(spec, 'suspend', false);
  setDefault(spec, 'successfulJobsHistoryLimit', 3);
  setDefault(spec, 'failedJobsHistoryLimit', 1);
  defaultTemplate(spec.jobTemplate?.spec?.template);
}
