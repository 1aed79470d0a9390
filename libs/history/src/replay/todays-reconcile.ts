import type { KubeObject } from '@wake/events';
import {
  controllerRef, jobFinished, reconcileCronJob, reconcileDeployment, reconcileJob, reconcileJobTtl, reconcileReplicaSet, seededRandom,
  type Action, type Deployment, type Job, type Pod, type ReplicaSet,
} from '@wake/reconcilers';
import type { ComparedController } from './decisions';
import type { ReplayState } from './replay-state';

type CronJob = Parameters<typeof reconcileCronJob>[0];

/**
 * Today's reconcile of one controller key on a replayed state, at a virtual `now` — what
 * apps/controllers/src/controllers/{replicaset,deployment,job,cronjob}.controller.ts do with
 * their cache. Randomness (generated pod names) is seeded: names are not compared (see
 * write-signature.ts).
 */
export function todaysReconcile(controller: ComparedController, key: string, state: ReplayState, now: Date, seed: number): Action[] {
  const slash = key.indexOf('/');
  const namespace = key.slice(0, slash);
  const name = key.slice(slash + 1);
  if (controller === 'job') {
    const job = state.get({ kind: 'Job', namespace, name }) as Job | undefined;
    if (!job) return [];
    if (jobFinished(job)) return reconcileJobTtl(job, now);
    return reconcileJob(job, { pods: state.list('Pod', namespace) as Pod[] }, { now, random: seededRandom(seed) });
  }
  if (controller === 'cronjob') {
    const cj = state.get({ kind: 'CronJob', namespace, name }) as CronJob | undefined;
    if (!cj) return [];
    return reconcileCronJob(cj, { jobs: state.list('Job', namespace) as Job[] }, now);
  }
  if (controller === 'replicaset') {
    const rs = state.get({ kind: 'ReplicaSet', namespace, name }) as ReplicaSet | undefined;
    if (!rs) return [];
    const pods = state.list('Pod', namespace) as Pod[];
    const parent = controllerRef(rs);
    const relatedPods = parent ? relatedPodsOf(parent.uid, state, namespace, pods) : undefined;
    return reconcileReplicaSet(rs, { pods, relatedPods }, { now, random: seededRandom(seed) });
  }
  const d = state.get({ kind: 'Deployment', namespace, name }) as Deployment | undefined;
  if (!d) return [];
  const replicaSets = state.list('ReplicaSet', namespace) as ReplicaSet[];
  const pods = d.spec?.strategy?.type === 'Recreate' ? (state.list('Pod', namespace) as Pod[]) : [];
  return reconcileDeployment(d, { replicaSets, pods }, now);
}

const ownedBy = (o: KubeObject, uids: ReadonlySet<string | undefined>): boolean =>
  ((o.metadata.ownerReferences as { uid: string }[] | undefined) ?? []).some((r) => uids.has(r.uid));

/** Pods of the ReplicaSets owned by `parentUid` (the controllers' cache.dependentsOf, twice). */
function relatedPodsOf(parentUid: string, state: ReplayState, namespace: string, pods: readonly Pod[]): Pod[] {
  const siblings = new Set(state.list('ReplicaSet', namespace).filter((rs) => ownedBy(rs, new Set([parentUid]))).map((rs) => rs.metadata.uid));
  return pods.filter((p) => ownedBy(p as KubeObject, siblings));
}
