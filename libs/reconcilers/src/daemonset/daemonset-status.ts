import { isPodAvailable, isPodReady } from '../common/pod-state';
import type { Node, Pod } from '../common/wire';
import { isPodUpdated } from './daemon-pod';
import { byAgeRunningFirst } from './manage-daemons';
import { nodeShouldRunDaemonPod } from './node-should-run';
import type { DaemonSet } from './types';

export type DaemonSetStatus = NonNullable<DaemonSet['status']>;

/** `updateDaemonSetStatus`: per node, the oldest (running first) daemon pod decides readiness and revision. */
export function daemonSetStatus(ds: DaemonSet, nodes: readonly Node[], byNode: ReadonlyMap<string, Pod[]>, hash: string, now: Date): DaemonSetStatus {
  let desired = 0, current = 0, misscheduled = 0, ready = 0, available = 0, updated = 0;
  for (const node of nodes) {
    // terminal pods already being deleted do not count (includeDeletedTerminal = false)
    const pods = (byNode.get(node.metadata?.name ?? '') ?? []).filter(
      (p) => !(p.metadata?.deletionTimestamp && (p.status?.phase === 'Failed' || p.status?.phase === 'Succeeded')),
    );
    const { shouldRun } = nodeShouldRunDaemonPod(ds, node);
    if (!shouldRun) {
      if (pods.length) misscheduled++;
      continue;
    }
    desired++;
    if (!pods.length) continue;
    current++;
    const pod = [...pods].sort(byAgeRunningFirst)[0];
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, ds.spec?.minReadySeconds ?? 0, now)) available++;
    }
    if (isPodUpdated(pod, hash)) updated++;
  }
  return {
    ...(ds.status ?? {}),
    desiredNumberScheduled: desired,
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    numberReady: ready,
    updatedNumberScheduled: updated,
    numberAvailable: available,
    numberUnavailable: desired - available,
    observedGeneration: ds.metadata?.generation ?? 0,
  };
}
