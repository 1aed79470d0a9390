import { type Action, event, refOf, requeueAfter, seqOf } from '../common/action';
import { claim } from '../common/claim';
import { isEmptySelector } from '../common/label-selector';
import { clone } from '../common/owner-refs';
import { isPodTerminating, secondsUntilAvailable } from '../common/pod-state';
import type { Pod } from '../common/wire';
import { canonicalJson } from '../deployment/pod-template-hash';
import { claimEvent, claimsFor } from './claims';
import { identityMatches, isFinished, isHealthy, isRunningAndAvailable, isRunningAndReady, ordinalOf, REVISION_LABEL } from './identity';
import { statefulPod, updateRevision, withIdentity } from './stateful-pod';
import { statefulSetStatus } from './statefulset-status';
import type { PersistentVolumeClaim, StatefulSet } from './types';

export interface StatefulSetObserved {
  /** Pods of the set's namespace (at least those it owns or its selector matches). */
  pods: readonly Pod[];
  /** PersistentVolumeClaims of the set's namespace (at least `<template>-<set>-<n>`). */
  claims: readonly PersistentVolumeClaim[];
}

const POD = { apiVersion: 'v1', kind: 'Pod' };
const PVC = { apiVersion: 'v1', kind: 'PersistentVolumeClaim' };

/**
 * StatefulSet controller (`updateStatefulSet`, Kubernetes 1.32, without ControllerRevisions).
 * Ordinals 0…replicas-1 are kept, each with its claims created before the pod; failed or
 * succeeded pods are deleted to be recreated under the same name. OrderedReady stops at the
 * first ordinal that is not Running and Ready (and available), creates one pod at a time and
 * deletes condemned ordinals from the highest, one at a time, waiting for each to go; Parallel
 * does all of that at once. RollingUpdate then deletes the highest ordinal >= partition whose
 * revision label differs, one at a time, waiting for the replacement to be healthy. Claims
 * are never deleted, unless retention whenScaled = Delete and their ordinal is gone.
 */
export function reconcileStatefulSet(set: StatefulSet, observed: StatefulSetObserved, now: Date): Action[] {
  if (isEmptySelector(set.spec?.selector)) return [];
  const ns = set.metadata?.namespace;
  const claimed = claim(set, set.spec?.selector, observed.pods.filter((p) => p.metadata?.namespace === ns));
  const pods = claimed.owned.filter((p) => ordinalOf(set, p) >= 0);
  const n = set.spec?.replicas ?? 1;
  const replicas: (Pod | undefined)[] = Array.from({ length: n }, () => undefined);
  const condemned: Pod[] = [];
  for (const p of pods) {
    const ord = ordinalOf(set, p);
    if (ord < n) replicas[ord] = p;
    else condemned.push(p);
  }
  condemned.sort((a, b) => ordinalOf(set, b) - ordinalOf(set, a));
  const updateRev = updateRevision(set);
  const currentRev = set.status?.currentRevision || updateRev;
  const monotonic = (set.spec?.podManagementPolicy ?? 'OrderedReady') !== 'Parallel';
  const minReady = set.spec?.minReadySeconds ?? 0;
  const name = set.metadata?.name;
  const actions: Action[] = [];
  const written = new Set<string>();
  const claims = new Map((observed.claims ?? []).filter((c) => c.metadata?.namespace === ns).map((c) => [c.metadata?.name ?? '', c]));
  const del = (p: Pod, reason: string, message: string, eventType: 'Normal' | 'Warning' = 'Normal') => {
    written.add(p.metadata?.name ?? '');
    actions.push({ type: 'delete', key: refOf(p, POD), intent: 'Deleted' });
    actions.push(event(set, eventType, reason, message));
  };
  /** Creates the ordinal's missing claims; false when one is being deleted (the pod must wait). */
  const ensureClaims = (ord: number): boolean => {
    let ready = true;
    for (const c of claimsFor(set, ord)) {
      const have = claims.get(c.metadata?.name ?? '');
      if (have?.metadata?.deletionTimestamp) ready = false;
      if (have) continue;
      claims.set(c.metadata?.name ?? '', c);
      actions.push({ type: 'create', object: c, intent: 'Created' });
      actions.push(event(set, 'Normal', 'SuccessfulCreate', claimEvent(set, c, ord)));
    }
    return ready;
  };

  /** `processReplica`: true when OrderedReady must stop here. */
  const processReplica = (ord: number): boolean => {
    const pod = replicas[ord];
    if (pod && isFinished(pod) && !isPodTerminating(pod)) {
      const failed = pod.status?.phase === 'Failed';
      del(pod, failed ? 'RecreatingFailedPod' : 'RecreatingTerminatedPod',
        `StatefulSet ${ns}/${name} is recreating ${failed ? 'failed' : 'terminated'} Pod ${pod.metadata?.name}`, failed ? 'Warning' : 'Normal');
      return true; // recreated under the same name once it is gone
    }
    if (!pod) {
      if (!ensureClaims(ord)) return true;
      const created = statefulPod(set, ord, updateRev);
      actions.push({ type: 'create', object: created, intent: 'Created' });
      actions.push(event(set, 'Normal', 'SuccessfulCreate', `create Pod ${created.metadata?.name} in StatefulSet ${name} successful`));
      return true;
    }
    if (pod.status?.phase === 'Pending' || !pod.status?.phase) ensureClaims(ord);
    if (!isRunningAndReady(pod) || !isRunningAndAvailable(pod, minReady, now)) return true;
    if (!identityMatches(set, pod, ord) && !claimed.adopted.has(pod.metadata?.name ?? '')) {
      written.add(pod.metadata?.name ?? '');
      actions.push({ type: 'update', object: withIdentity(set, pod, ord), expectSeq: seqOf(pod), intent: 'Updated' });
    }
    return false;
  };

  /** `processCondemned`: true when OrderedReady must stop here (terminating, unhealthy, or just deleted). */
  const firstUnhealthy = [...replicas, ...[...condemned].reverse()].find((p) => !p || !isHealthy(p));
  const processCondemned = (pod: Pod): boolean => {
    if (isPodTerminating(pod)) return monotonic;
    const healthy = isRunningAndReady(pod) && isRunningAndAvailable(pod, minReady, now);
    if (monotonic && !healthy && pod !== firstUnhealthy) return true;
    del(pod, 'SuccessfulDelete', `delete Pod ${pod.metadata?.name} in StatefulSet ${name} successful`);
    return monotonic;
  };

  const run = (): void => {
    if (set.metadata?.deletionTimestamp) return;
    for (let ord = 0; ord < n; ord++) if (processReplica(ord) && monotonic) return;
    for (const pod of condemned) if (processCondemned(pod)) return;
    if ((set.spec?.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return;
    const partition = set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
    for (let ord = n - 1; ord >= partition; ord--) {
      const pod = replicas[ord];
      if (!pod || written.has(pod.metadata?.name ?? '')) return;
      if (pod.metadata?.labels?.[REVISION_LABEL] !== updateRev && !isPodTerminating(pod)) {
        return void del(pod, 'SuccessfulDelete', `delete Pod ${pod.metadata?.name} in StatefulSet ${name} successful`);
      }
      if (!isHealthy(pod)) return;
    }
  };
  run();

  if (set.spec?.persistentVolumeClaimRetentionPolicy?.whenScaled === 'Delete' && !set.metadata?.deletionTimestamp) {
    const live = new Set(pods.map((p) => ordinalOf(set, p)));
    for (const c of claims.values()) {
      const ord = scaledAwayOrdinal(set, c);
      if (ord === undefined || ord < n || live.has(ord) || c.metadata?.deletionTimestamp || !c.metadata?.uid) continue;
      actions.push({ type: 'delete', key: refOf(c, PVC), intent: 'Deleted' });
    }
  }

  const claimActions = claimed.actions.filter((a) => !(a.type === 'update' && written.has(a.object.metadata?.name ?? '')));
  const status = statefulSetStatus(set, pods, currentRev, updateRev, now);
  const tail: Action[] = [];
  if (canonicalJson(status) !== canonicalJson(set.status ?? {})) {
    tail.push({ type: 'updateStatus', object: { ...clone(set), status }, expectSeq: seqOf(set), intent: 'StatusUpdated' });
  }
  const waits = pods.map((p) => secondsUntilAvailable(p, minReady, now)).filter((s): s is number => s !== undefined);
  if (waits.length) tail.push(requeueAfter(Math.min(...waits)));
  return [...claimActions, ...actions, ...tail];
}

/** The ordinal of a claim `<template>-<set>-<n>` of this set, if it is one. */
function scaledAwayOrdinal(set: StatefulSet, c: PersistentVolumeClaim): number | undefined {
  for (const t of set.spec?.volumeClaimTemplates ?? []) {
    const prefix = `${t.metadata?.name}-${set.metadata?.name}-`;
    const rest = (c.metadata?.name ?? '').slice(prefix.length);
    if ((c.metadata?.name ?? '').startsWith(prefix) && /^\d+$/.test(rest)) return Number(rest);
  }
  return undefined;
}
