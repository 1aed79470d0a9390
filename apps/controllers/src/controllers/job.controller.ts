import { jobFinished, reconcileJob, reconcileJobTtl, type Job, type Pod } from '@wake/reconcilers';
import { parseNameKey } from '../cache/object-key';
import type { ControllerDefinition } from '../runner/controller';
import { ownerKeysFor, self } from './owner-keys';

/** Job controller: pods to completions/parallelism, back-off limit, deadline, suspend, status; TTL after finishing. */
export const jobController: ControllerDefinition = {
  name: 'job',
  component: 'job-controller',
  watches: {
    Job: self,
    Pod: (e, cache) => ownerKeysFor(e, cache, 'Job'),
  },
  reconcile(key, { cache, now, random }) {
    const { namespace, name } = parseNameKey(key);
    const job = cache.get<Job>('Job', namespace, name);
    if (!job) return [];
    if (jobFinished(job)) return reconcileJobTtl(job, now());
    return reconcileJob(job, { pods: cache.list<Pod>('Pod', namespace) }, { now: now(), random });
  },
};
