import { type Action, event, requeueAfter, seqOf } from '../common/action';
import { claim } from '../common/claim';
import { isEmptySelector } from '../common/label-selector';
import type { Deployment, Pod, ReplicaSet } from '../common/wire';
import { annotatedInt, DESIRED_REPLICAS } from './annotations';
import { cleanupOldReplicaSets } from './cleanup';
import { type DeploymentSync, replicaSetWrites, scaleAndRecord, startSync } from './deployment-sync';
import { getAllReplicaSets } from './new-replicaset';
import { canonicalJson } from './pod-template-hash';
import { oldPodsRunning, scaleDownOldForRecreate } from './recreate';
import { desiredReplicas, isActive } from './replica-math';
import { reconcileNewReplicaSet, reconcileOldReplicaSets } from './rolling';
import { scale } from './scale';
import { checkPausedConditions, deploymentComplete, syncRolloutStatus, syncStatus } from './status';

export interface DeploymentObserved {
  /** ReplicaSets of the Deployment's namespace (owned ones, orphans to adopt, and any whose name could collide). */
  replicaSets: readonly ReplicaSet[];
  /** Pods of the namespace; only needed by Recreate (to wait until old pods are gone). */
  pods?: readonly Pod[];
}

/**
 * Deployment controller (`syncDeployment`). Returns writes for ReplicaSets (create / one
 * update each / delete), ScalingReplicaSet events, then at most one write of the Deployment:
 * `updateStatus`, which, as in Kubernetes (the deployment status strategy keeps annotations
 * from the request), also carries the `deployment.kubernetes.io/revision` annotation.
 */
export function reconcileDeployment(d: Deployment, observed: DeploymentObserved, now: Date): Action[] {
  const namespace = d.metadata?.namespace;
  const inNamespace = observed.replicaSets.filter((rs) => rs.metadata?.namespace === namespace);
  if (isEmptySelector(d.spec?.selector)) {
    const out: Action[] = [event(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.')];
    if ((d.status?.observedGeneration ?? 0) < (d.metadata?.generation ?? 0)) {
      out.push({ type: 'updateStatus', object: { ...d, status: { ...d.status, observedGeneration: d.metadata?.generation } }, expectSeq: seqOf(d) });
    }
    return out;
  }
  const claimed = claim(d, d.spec?.selector, inNamespace);
  const s = startSync(d, claimed.owned, inNamespace, observed.pods ?? [], now);
  run(s);
  return finish(s, claimed.actions);
}

function run(s: DeploymentSync): void {
  const d = s.d;
  if (d.metadata?.deletionTimestamp) {
    const { newRS, oldRSs } = getAllReplicaSets(s, false);
    return syncStatus(s, [...oldRSs, ...(newRS ? [newRS] : [])], newRS);
  }
  checkPausedConditions(s);
  if (d.spec?.paused || isScalingEvent(s)) return sync(s);
  if (d.spec?.strategy?.type === 'Recreate') return rolloutRecreate(s);
  return rolloutRolling(s);
}

/** `isScalingEvent`: an active ReplicaSet was sized for a different replica count. */
function isScalingEvent(s: DeploymentSync): boolean {
  const { newRS, oldRSs } = getAllReplicaSets(s, false);
  return [...oldRSs, newRS].filter(isActive).some((rs) => {
    const desired = annotatedInt(rs, DESIRED_REPLICAS);
    return desired !== undefined && desired !== desiredReplicas(s.d);
  });
}

/** `sync`: scaling and paused Deployments; no rollout progress. */
function sync(s: DeploymentSync): void {
  const { newRS, oldRSs } = getAllReplicaSets(s, false);
  scale(s, newRS, oldRSs);
  if (s.d.spec?.paused) cleanupOldReplicaSets(s, oldRSs);
  syncStatus(s, all(newRS, oldRSs), newRS);
}

function rolloutRolling(s: DeploymentSync): void {
  const { newRS, oldRSs } = getAllReplicaSets(s, true);
  if (s.collision) return;
  const allRSs = all(newRS, oldRSs);
  if (reconcileNewReplicaSet(s, allRSs, newRS)) return syncRolloutStatus(s, allRSs, newRS);
  if (reconcileOldReplicaSets(s, allRSs, oldRSs.filter(isActive), newRS)) return syncRolloutStatus(s, allRSs, newRS);
  if (deploymentComplete(s.d, s.d.status ?? {})) cleanupOldReplicaSets(s, oldRSs);
  syncRolloutStatus(s, allRSs, newRS);
}

function rolloutRecreate(s: DeploymentSync): void {
  let { newRS, oldRSs } = getAllReplicaSets(s, false);
  if (scaleDownOldForRecreate(s, oldRSs)) return syncRolloutStatus(s, all(newRS, oldRSs), newRS);
  if (oldPodsRunning(s, newRS, oldRSs)) return syncRolloutStatus(s, all(newRS, oldRSs), newRS);
  if (!newRS) {
    ({ newRS, oldRSs } = getAllReplicaSets(s, true));
    if (s.collision) return;
  }
  if (newRS && scaleAndRecord(s, newRS, desiredReplicas(s.d))) return syncRolloutStatus(s, all(newRS, oldRSs), newRS);
  if (deploymentComplete(s.d, s.d.status ?? {})) cleanupOldReplicaSets(s, oldRSs);
  syncRolloutStatus(s, all(newRS, oldRSs), newRS);
}

const all = (newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): ReplicaSet[] => (newRS ? [...oldRSs, newRS] : [...oldRSs]);

function finish(s: DeploymentSync, claimActions: Action[]): Action[] {
  const written = new Set([...s.dirty, ...s.created]);
  const out: Action[] = [
    ...claimActions.filter((a) => !(a.type === 'update' && written.has(a.object.metadata?.name ?? ''))),
    ...replicaSetWrites(s),
    ...s.events,
  ];
  const changed = canonicalJson(s.d.status) !== canonicalJson(s.original.status ?? {})
    || canonicalJson(s.d.metadata?.annotations ?? {}) !== canonicalJson(s.original.metadata?.annotations ?? {});
  if (changed) out.push({ type: 'updateStatus', object: s.d, expectSeq: seqOf(s.original), intent: 'StatusUpdated' });
  if (s.collision) out.push(requeueAfter(0));
  else if (s.requeueSeconds !== undefined) out.push(requeueAfter(s.requeueSeconds));
  return out;
}
