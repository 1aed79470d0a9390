import { millis } from '../common/time';
import type { Deployment, ReplicaSet } from '../common/wire';
import {
  type DeploymentStatus, getCondition, hasProgressDeadline, newCondition, Reasons, removeCondition, setCondition,
} from './conditions';
import type { DeploymentSync } from './deployment-sync';
import { desiredReplicas, maxUnavailable, sumSpec, sumStatus } from './replica-math';

/** `calculateStatus`: counters from the ReplicaSets plus the Available condition. */
export function calculateStatus(s: DeploymentSync, allRSs: ReplicaSet[], newRS: ReplicaSet | undefined): DeploymentStatus {
  const d = s.d;
  const available = sumStatus(allRSs, 'availableReplicas');
  const status: DeploymentStatus = {
    observedGeneration: d.metadata?.generation ?? 0,
    replicas: sumStatus(allRSs, 'replicas'),
    updatedReplicas: sumStatus([newRS], 'replicas'),
    readyReplicas: sumStatus(allRSs, 'readyReplicas'),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, sumSpec(allRSs) - available),
  };
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  if (d.status?.conditions) status.conditions = d.status.conditions.map((c) => ({ ...c }));
  const ok = available >= desiredReplicas(d) - maxUnavailable(d);
  setCondition(status, ok
    ? newCondition('Available', 'True', Reasons.MinimumReplicasAvailable, 'Deployment has minimum availability.', s.now)
    : newCondition('Available', 'False', Reasons.MinimumReplicasUnavailable, 'Deployment does not have minimum availability.', s.now));
  return status;
}

/** `DeploymentComplete`. */
export function deploymentComplete(d: Deployment, st: DeploymentStatus): boolean {
  const want = desiredReplicas(d);
  return (st.updatedReplicas ?? 0) === want && (st.replicas ?? 0) === want && (st.availableReplicas ?? 0) === want
    && (st.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0);
}

/** `DeploymentProgressing`: more updated/ready/available pods or fewer old ones than last recorded. */
export function deploymentProgressing(d: Deployment, st: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (st.replicas ?? 0) - (st.updatedReplicas ?? 0);
  return (st.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || newOld < oldOld
    || (st.readyReplicas ?? 0) > (old.readyReplicas ?? 0) || (st.availableReplicas ?? 0) > (old.availableReplicas ?? 0);
}

/** Milliseconds left before the progress deadline of the current Progressing condition. */
function deadlineLeft(d: Deployment, st: DeploymentStatus, now: Date): number | undefined {
  const cond = getCondition(st, 'Progressing');
  const from = millis(cond?.lastUpdateTime);
  if (!hasProgressDeadline(d) || !cond || from === undefined) return undefined;
  return from + (d.spec!.progressDeadlineSeconds! * 1000) - now.getTime();
}

/** `DeploymentTimedOut`. */
export function deploymentTimedOut(d: Deployment, st: DeploymentStatus, now: Date): boolean {
  const cond = getCondition(st, 'Progressing');
  if (!hasProgressDeadline(d) || !cond || cond.reason === Reasons.NewReplicaSetAvailable) return false;
  if (cond.reason === Reasons.ProgressDeadlineExceeded) return true;
  const left = deadlineLeft(d, st, now);
  return left !== undefined && left < 0;
}

/** `syncDeploymentStatus`: used when scaling or paused; no Progressing bookkeeping. */
export function syncStatus(s: DeploymentSync, allRSs: ReplicaSet[], newRS: ReplicaSet | undefined): void {
  Object.assign(s.d, { status: calculateStatus(s, allRSs, newRS) });
}

/** `syncRolloutStatus`: status plus the Progressing condition and the progress deadline. */
export function syncRolloutStatus(s: DeploymentSync, allRSs: ReplicaSet[], newRS: ReplicaSet | undefined): void {
  const d = s.d;
  const st = calculateStatus(s, allRSs, newRS);
  if (!hasProgressDeadline(d)) removeCondition(st, 'Progressing');
  const current = getCondition(st, 'Progressing');
  const complete = st.replicas === st.updatedReplicas && current?.reason === Reasons.NewReplicaSetAvailable;
  const rsName = newRS?.metadata?.name;
  const subject = rsName ? `ReplicaSet "${rsName}"` : `Deployment "${d.metadata?.name}"`;
  if (hasProgressDeadline(d) && !complete) {
    if (deploymentComplete(d, st)) {
      setCondition(st, newCondition('Progressing', 'True', Reasons.NewReplicaSetAvailable, `${subject} has successfully progressed.`, s.now));
    } else if (deploymentProgressing(d, st)) {
      // Refresh lastUpdateTime even with the same reason: progress moves the deadline.
      const cond = newCondition('Progressing', 'True', Reasons.ReplicaSetUpdated, `${subject} is progressing.`, s.now);
      if (current?.status === 'True') cond.lastTransitionTime = current.lastTransitionTime;
      removeCondition(st, 'Progressing');
      setCondition(st, cond);
    } else if (deploymentTimedOut(d, st, s.now)) {
      setCondition(st, newCondition('Progressing', 'False', Reasons.ProgressDeadlineExceeded, `${subject} has timed out progressing.`, s.now));
    }
  }
  d.status = st;
  // `requeueStuckDeployment`: look again when the deadline would pass without progress.
  const cond = getCondition(st, 'Progressing');
  if (hasProgressDeadline(d) && cond && cond.reason !== Reasons.ProgressDeadlineExceeded && !deploymentComplete(d, st)) {
    const left = deadlineLeft(d, st, s.now) ?? 0;
    s.requeueSeconds = Math.max(0, left / 1000);
  }
}

/** `checkPausedConditions`: Progressing=Unknown DeploymentPaused / DeploymentResumed. */
export function checkPausedConditions(s: DeploymentSync): void {
  const d = s.d;
  if (!hasProgressDeadline(d)) return;
  const cond = getCondition(d.status, 'Progressing');
  if (cond?.reason === Reasons.ProgressDeadlineExceeded) return;
  const pausedCond = cond?.reason === Reasons.DeploymentPaused;
  if (d.spec?.paused && !pausedCond) {
    setCondition(d.status!, newCondition('Progressing', 'Unknown', Reasons.DeploymentPaused, 'Deployment is paused', s.now));
  } else if (!d.spec?.paused && pausedCond) {
    setCondition(d.status!, newCondition('Progressing', 'Unknown', Reasons.DeploymentResumed, 'Deployment is resumed', s.now));
  }
}
