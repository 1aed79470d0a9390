import { type Action, event, refOf, requeueAfter, seqOf } from '../common/action';
import { claim } from '../common/claim';
import { isEmptySelector } from '../common/label-selector';
import type { RandomSource } from '../common/names';
import { clone } from '../common/owner-refs';
import type { Node, Pod } from '../common/wire';
import { canonicalJson } from '../deployment/pod-template-hash';
import { daemonPod, daemonSetHash } from './daemon-pod';
import { daemonSetStatus } from './daemonset-status';
import { planDaemons, podsByNode } from './manage-daemons';
import { rollingUpdateDeletes } from './rolling-update';
import type { DaemonSet } from './types';

/** Kubernetes' DaemonSet `BurstReplicas`: creations and deletions per pass. */
export const DAEMONSET_BURST = 250;

export interface DaemonSetObserved {
  nodes: readonly Node[];
  /** Pods of the DaemonSet's namespace (at least those it owns or its selector matches). */
  pods: readonly Pod[];
}

export interface DaemonSetEnv {
  now: Date;
  random: RandomSource;
}

const POD = { apiVersion: 'v1', kind: 'Pod' };

/**
 * DaemonSet controller (`syncDaemonSet`): claim pods, `manage` (one pod per eligible node,
 * pinned there by required node affinity for the scheduler to bind; pods on nodes that are gone
 * or no longer eligible deleted), then — only when manage had nothing to do, like Kubernetes'
 * expectations gate — RollingUpdate by the `controller-revision-hash` label (OnDelete: nothing),
 * then status. Revisions are the template hash; no ControllerRevision objects are written.
 */
export function reconcileDaemonSet(ds: DaemonSet, observed: DaemonSetObserved, env: DaemonSetEnv): Action[] {
  if (isEmptySelector(ds.spec?.selector)) return [];
  const ns = ds.metadata?.namespace;
  const claimed = claim(ds, ds.spec?.selector, observed.pods.filter((p) => p.metadata?.namespace === ns));
  const hash = daemonSetHash(ds);
  const byNode = podsByNode(claimed.owned);
  const actions: Action[] = [];
  const removed = new Set<string>();
  const remove = (pod: Pod) => {
    removed.add(pod.metadata?.name ?? '');
    actions.push({ type: 'delete', key: refOf(pod, POD), intent: 'Deleted' });
    actions.push(event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata?.name}`));
  };

  if (!ds.metadata?.deletionTimestamp) {
    const plan = planDaemons(ds, observed.nodes, byNode);
    const taken = new Set(observed.pods.map((p) => p.metadata?.name ?? ''));
    for (const node of plan.create.slice(0, DAEMONSET_BURST)) {
      const pod = daemonPod(ds, node, hash, env.random, taken);
      actions.push({ type: 'create', object: pod, intent: 'Created' });
      actions.push(event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata?.name}`));
    }
    for (const { pod, failed } of plan.remove.slice(0, DAEMONSET_BURST)) {
      if (failed) actions.push(event(ds, 'Warning', 'FailedDaemonPod', `Found failed daemon pod ${ns}/${pod.metadata?.name} on node ${pod.spec?.nodeName}, will try to kill it`));
      remove(pod);
    }
    const quiet = plan.create.length === 0 && plan.remove.length === 0;
    if (quiet && (ds.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate') {
      for (const pod of rollingUpdateDeletes(ds, observed.nodes, byNode, hash, env.now)) remove(pod);
    }
  }

  const claimActions = claimed.actions.filter((a) => !(a.type === 'update' && removed.has(a.object.metadata?.name ?? '')));
  const status = daemonSetStatus(ds, observed.nodes, byNode, hash, env.now);
  const tail: Action[] = [];
  if (canonicalJson(status) !== canonicalJson(ds.status ?? {})) {
    tail.push({ type: 'updateStatus', object: { ...clone(ds), status }, expectSeq: seqOf(ds), intent: 'StatusUpdated' });
  }
  const minReady = ds.spec?.minReadySeconds ?? 0;
  if (minReady > 0 && status.numberReady !== status.numberAvailable) tail.push(requeueAfter(minReady));
  return [...claimActions, ...actions, ...tail];
}
