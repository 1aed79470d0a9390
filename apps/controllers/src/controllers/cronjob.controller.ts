import { reconcileCronJob, type Job } from '@wake/reconcilers';
import type { KubeObject } from '@wake/events';
import { parseNameKey } from '../cache/object-key';
import type { ControllerDefinition } from '../runner/controller';
import { ownerKeysFor, self } from './owner-keys';

type CronJob = Parameters<typeof reconcileCronJob>[0];

/** CronJob controller: Jobs on schedule (time zones, concurrency policy, missed runs), history limits. */
export const cronJobController: ControllerDefinition = {
  name: 'cronjob',
  component: 'cronjob-controller',
  watches: {
    CronJob: self,
    Job: (e, cache) => ownerKeysFor(e, cache, 'CronJob'),
  },
  reconcile(key, { cache, now }) {
    const { namespace, name } = parseNameKey(key);
    const cj = cache.get<CronJob & KubeObject>('CronJob', namespace, name);
    if (!cj) return [];
    return reconcileCronJob(cj, { jobs: cache.list<Job>('Job', namespace) }, now());
  },
};
