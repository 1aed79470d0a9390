import { scaledValue } from '../common/int-or-percent';
import { isPodAvailable } from '../common/pod-state';
import type { Node, Pod } from '../common/wire';
import { isPodUpdated } from './daemon-pod';
import { nodeShouldRunDaemonPod } from './node-should-run';
import type { DaemonSet } from './types';

/** `updatedDesiredNodeCounts`: maxUnavailable of the nodes that should run the daemon (rounded up), at least 1. */
export function maxUnavailable(ds: DaemonSet, nodes: readonly Node[]): number {
  const desired = nodes.filter((n) => nodeShouldRunDaemonPod(ds, n).shouldRun).length;
  const ru = ds.spec?.updateStrategy?.rollingUpdate;
  const unavailable = scaledValue(ru?.maxUnavailable as number | string | undefined, desired, true, 1);
  return desired > 0 && unavailable === 0 ? 1 : unavailable;
}

/**
 * `rollingUpdate` without surge: old pods that are not available are replaced at once; then
 * old available ones are deleted while fewer than maxUnavailable nodes are unavailable
 * (a node whose pod is new but not yet available, or that has no pod, counts as unavailable).
 * The manage pass recreates each deleted pod from the current template. Nodes are visited in
 * name order (Kubernetes iterates a map) so the choice is deterministic.
 */
export function rollingUpdateDeletes(ds: DaemonSet, nodes: readonly Node[], byNode: ReadonlyMap<string, Pod[]>, hash: string, now: Date): Pod[] {
  const maxU = maxUnavailable(ds, nodes);
  const minReady = ds.spec?.minReadySeconds ?? 0;
  let unavailable = 0;
  const replace: Pod[] = [];
  const candidates: Pod[] = [];
  for (const name of [...byNode.keys()].sort()) {
    const pods = (byNode.get(name) ?? []).filter((p) => !p.metadata?.deletionTimestamp);
    const fresh = pods.filter((p) => isPodUpdated(p, hash));
    const old = pods.filter((p) => !isPodUpdated(p, hash));
    if (fresh.length > 1 || old.length > 1 || (fresh.length === 0) === (old.length === 0)) {
      unavailable++;
      continue;
    }
    if (fresh.length === 1) {
      if (!isPodAvailable(fresh[0], minReady, now)) unavailable++;
    } else if (!isPodAvailable(old[0], minReady, now)) replace.push(old[0]);
    else if (unavailable < maxU) candidates.push(old[0]);
  }
  const room = Math.max(0, Math.min(maxU - unavailable, candidates.length));
  return [...replace, ...candidates.slice(0, room)];
}
