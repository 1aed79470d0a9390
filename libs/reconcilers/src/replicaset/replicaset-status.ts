import { isPodAvailable, isPodReady, secondsUntilAvailable } from '../common/pod-state';
import type { Pod, ReplicaSet } from '../common/wire';

export type ReplicaSetStatus = NonNullable<ReplicaSet['status']>;

/**
 * `calculateStatus` of the ReplicaSet controller over its active owned pods.
 * fullyLabeledReplicas counts pods whose labels include all the template's labels.
 */
export function replicaSetStatus(rs: ReplicaSet, activePods: readonly Pod[], now: Date): ReplicaSetStatus {
  const minReady = rs.spec?.minReadySeconds ?? 0;
  const templateLabels = Object.entries(rs.spec?.template?.metadata?.labels ?? {});
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of activePods) {
    const labels = pod.metadata?.labels ?? {};
    if (templateLabels.every(([k, v]) => labels[k] === v)) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, now)) available++;
    }
  }
  const status: ReplicaSetStatus = {
    replicas: activePods.length,
    fullyLabeledReplicas: fullyLabeled,
    readyReplicas: ready,
    availableReplicas: available,
    observedGeneration: rs.metadata?.generation ?? 0,
  };
  const conditions = (rs.status?.conditions ?? []).filter((c) => c.type !== 'ReplicaFailure');
  if (conditions.length) status.conditions = conditions;
  return status;
}

/** Seconds until the next ready-but-not-yet-available pod becomes available (minReadySeconds). */
export function nextAvailabilityIn(rs: ReplicaSet, activePods: readonly Pod[], now: Date): number | undefined {
  const minReady = rs.spec?.minReadySeconds ?? 0;
  const waits = activePods.map((p) => secondsUntilAvailable(p, minReady, now)).filter((s): s is number => s !== undefined);
  return waits.length ? Math.min(...waits) : undefined;
}

/** Status equality ignoring absent-vs-zero differences of the counters. */
export function sameReplicaSetStatus(a: ReplicaSetStatus | undefined, b: ReplicaSetStatus): boolean {
  const norm = (s: ReplicaSetStatus | undefined) => JSON.stringify({
    replicas: s?.replicas ?? 0,
    fullyLabeledReplicas: s?.fullyLabeledReplicas ?? 0,
    readyReplicas: s?.readyReplicas ?? 0,
    availableReplicas: s?.availableReplicas ?? 0,
    observedGeneration: s?.observedGeneration ?? 0,
    conditions: s?.conditions ?? [],
  });
  return norm(a) === norm(b);
}
