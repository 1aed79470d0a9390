import type { KubeObject } from '@wake/events';
import {
  controllerRef, jobFinished, reconcileCronJob, reconcileDaemonSet, reconcileDeployment, reconcileJob, reconcileJobTtl, reconcileReplicaSet, reconcileStatefulSet, seededRandom,
  type Action, type DaemonSet, type Deployment, type Job, type PersistentVolumeClaim, type Pod, type ReplicaSet, type StatefulSet,
} from '@wake/reconcilers';
import type { ComparedController } from './decisions';
import type { ReplayState } from './replay-state';

type CronJob = Parameters<typeof reconcileCronJob>[0];
type Node = Parameters<typeof reconcileDaemonSet>[1]['nodes'][number];

/**
 * Today's reconcile of one controller key on a replayed state, at a virtual `now` — what
 * apps/controllers/src/controllers/{replicaset,deployment,job,cronjob,daemonset,statefulset}.controller.ts
 * do with their cache. Randomness (generated pod names) is seeded: names are not compared (see
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
  if (controller === 'daemonset') {
    const ds = state.get({ kind: 'DaemonSet', namespace, name }) as DaemonSet | undefined;
    if (!ds) return [];
    return reconcileDaemonSet(ds, { nodes: state.list('Node', '') as Node[], pods: state.list('Pod', namespace) as Pod[] }, { now, random: seededRandom(seed) });
  }
  if (controller === 'statefulset') {
    const set = state.get({ kind: 'StatefulSet', namespace, name }) as StatefulSet | undefined;
    if (!set) return [];
    return reconcileStatefulSet(set, { pods: state.list('Pod', namespace) as Pod[], claims: state.list('PersistentVolumeClaim', namespace) as PersistentVolumeClaim[] }, now);
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
