/** Builders for the Job specs. Not exported from the barrel. */
import type { Action } from '../common/action';
import type { Job, Pod } from '../common/wire';
import { iso, pod } from '../testing/fixtures';
import { JOB_COMPLETION_INDEX, jobPodLabels } from './job-labels';

export function job(spec: Partial<NonNullable<Job['spec']>> = {}, status?: Job['status'], extra: Partial<Job['metadata']> = {}): Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'pi', namespace: 'default', uid: 'uid-pi', resourceVersion: '7', creationTimestamp: iso(0), ...extra },
    spec: {
      completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false,
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'uid-pi' } },
      template: {
        metadata: { labels: { 'batch.kubernetes.io/controller-uid': 'uid-pi', 'batch.kubernetes.io/job-name': 'pi', app: 'pi' } },
        spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] },
      },
      ...spec,
    },
    ...(status ? { status } : {}),
  };
}

const owner = { apiVersion: 'batch/v1', kind: 'Job', name: 'pi', uid: 'uid-pi' };

/** A pod of job `pi`; `phase` Succeeded/Failed pods finished at `finished` seconds. */
export function jp(name: string, o: { phase?: string; index?: number; ready?: boolean; deleting?: boolean; finished?: number; restarts?: number } = {}): Pod {
  const p = pod({ name, owner, labels: jobPodLabels(job()), phase: o.phase, ready: o.ready, deleting: o.deleting, restarts: o.restarts, node: 'n1' });
  if (o.index !== undefined) p.metadata!.annotations = { [JOB_COMPLETION_INDEX]: String(o.index) };
  if (o.phase === 'Succeeded' || o.phase === 'Failed') {
    p.status!.containerStatuses![0].state = { terminated: { exitCode: o.phase === 'Failed' ? 1 : 0, finishedAt: iso(o.finished ?? 0) } };
    p.status!.conditions = [{ type: 'Ready', status: 'False', lastTransitionTime: iso(o.finished ?? 0) }];
  }
  return p;
}

export const statusOf = (actions: readonly Action[]) => {
  const a = actions.find((x) => x.type === 'updateStatus');
  return a && a.type === 'updateStatus' ? (a.object as Job).status : undefined;
};

export const condTypes = (s: Job['status']) => (s?.conditions ?? []).map((c) => `${c.type}=${c.status}:${c.reason}`);
