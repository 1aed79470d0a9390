import { type Action, event, refOf, requeueAfter, seqOf } from '../common/action';
import { claim } from '../common/claim';
import { isEmptySelector } from '../common/label-selector';
import type { RandomSource } from '../common/names';
import { clone } from '../common/owner-refs';
import { isPodActive } from '../common/pod-state';
import type { Pod, ReplicaSet } from '../common/wire';
import { podsToDelete } from './active-pods';
import { podFromTemplate } from './pod-from-template';
import { nextAvailabilityIn, replicaSetStatus, sameReplicaSetStatus } from './replicaset-status';

/** Kubernetes' `BurstReplicas`: at most this many creations or deletions per sync. */
export const BURST_REPLICAS = 500;

export interface ReplicaSetObserved {
  /** Pods of the ReplicaSet's namespace (or at least every pod it owns or its selector matches). */
  pods: readonly Pod[];
  /** Pods of sibling ReplicaSets under the same controller, for node-colocation ranking. */
  relatedPods?: readonly Pod[];
}

export interface ReplicaSetEnv {
  now: Date;
  random: RandomSource;
  burstReplicas?: number;
}

/**
 * ReplicaSet controller (`syncReplicaSet`): claim pods, create or delete pods to match
 * `spec.replicas`, then write status.
 *
 * Expectations: Kubernetes keeps "expectations" because its informer lags its own writes.
 * We assume the shell calls this only with an observed state that includes the effects of
 * every action it applied earlier for this key (e.g. it waits until its informer has reached
 * the highest sequence those appends returned); otherwise pods would be created twice.
 */
export function reconcileReplicaSet(rs: ReplicaSet, observed: ReplicaSetObserved, env: ReplicaSetEnv): Action[] {
  if (isEmptySelector(rs.spec?.selector)) return [];
  const namespace = rs.metadata?.namespace;
  const candidates = observed.pods.filter((p) => p.metadata?.namespace === namespace);
  const claimed = claim(rs, rs.spec?.selector, candidates);
  const active = claimed.owned.filter(isPodActive);
  const actions: Action[] = [];
  const deleting = new Set<string>();

  if (!rs.metadata?.deletionTimestamp) {
    const desired = rs.spec?.replicas ?? 1;
    const burst = env.burstReplicas ?? BURST_REPLICAS;
    const diff = active.length - desired;
    if (diff < 0) {
      const taken = new Set(candidates.map((p) => p.metadata?.name ?? ''));
      const prefix = `${rs.metadata?.name}-`;
      for (let i = 0; i < Math.min(-diff, burst); i++) {
        const pod = podFromTemplate(rs.spec?.template, rs, prefix, env.random, taken);
        actions.push({ type: 'create', object: pod, intent: 'Created' });
        actions.push(event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata?.name}`));
      }
    } else if (diff > 0) {
      const related = observed.relatedPods ?? active;
      for (const pod of podsToDelete(active, related, Math.min(diff, burst))) {
        deleting.add(pod.metadata?.name ?? '');
        actions.push({ type: 'delete', key: refOf(pod, { apiVersion: 'v1', kind: 'Pod' }), intent: 'Deleted' });
        actions.push(event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata?.name}`));
      }
    }
  }

  // Adopting a pod we delete in the same pass would write it twice: the delete suffices.
  const claimActions = claimed.actions.filter((a) => !(a.type === 'update' && deleting.has(a.object.metadata?.name ?? '')));

  const status = replicaSetStatus(rs, active, env.now);
  const tail: Action[] = [];
  if (!sameReplicaSetStatus(rs.status, status)) {
    tail.push({ type: 'updateStatus', object: { ...clone(rs), status }, expectSeq: seqOf(rs), intent: 'StatusUpdated' });
  }
  const wait = nextAvailabilityIn(rs, active, env.now);
  if (wait !== undefined) tail.push(requeueAfter(wait));
  return [...claimActions, ...actions, ...tail];
}
