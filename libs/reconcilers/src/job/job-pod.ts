import type { RandomSource } from '../common/names';
import type { Job, Pod } from '../common/wire';
import { podFromTemplate } from '../replicaset/pod-from-template';
import { JOB_COMPLETION_INDEX, JOB_COMPLETION_INDEX_ENV, jobPodLabels } from './job-labels';

type Container = NonNullable<Pod['spec']>['containers'][number];

/**
 * A pod for the Job from its template: controller ownerReference, the Job's labels, the
 * template's restartPolicy. Indexed Jobs (`index` given) also get the completion-index
 * annotation and label, hostname `<job>-<index>`, the JOB_COMPLETION_INDEX env var (downward
 * API on the annotation) in every container, and a name from `generateName: <job>-<index>-`.
 */
export function jobPod(job: Job, index: number | undefined, random: RandomSource, taken: Set<string>): Pod {
  const name = job.metadata?.name ?? '';
  const prefix = index === undefined ? `${name}-` : `${name}-${index}-`;
  const pod = podFromTemplate(job.spec?.template, job, prefix, random, taken);
  const meta = pod.metadata!;
  meta.labels = { ...(meta.labels ?? {}), ...jobPodLabels(job) };
  const spec = pod.spec!;
  if (index !== undefined) {
    meta.annotations = { ...(meta.annotations ?? {}), [JOB_COMPLETION_INDEX]: String(index) };
    meta.labels[JOB_COMPLETION_INDEX] = String(index);
    if (!spec.hostname) spec.hostname = `${name}-${index}`;
    spec.containers = spec.containers.map(withIndexEnv);
    if (spec.initContainers) spec.initContainers = spec.initContainers.map(withIndexEnv);
  }
  return pod;
}

function withIndexEnv(c: Container): Container {
  if ((c.env ?? []).some((e) => e.name === JOB_COMPLETION_INDEX_ENV)) return c;
  const fieldPath = `metadata.annotations['${JOB_COMPLETION_INDEX}']`;
  return { ...c, env: [...(c.env ?? []), { name: JOB_COMPLETION_INDEX_ENV, valueFrom: { fieldRef: { fieldPath } } }] };
}
