import { millis } from '../common/time';
import type { Node, Pod } from '../common/wire';
import { targetNode } from './daemon-pod';
import { nodeShouldRunDaemonPod } from './node-should-run';
import type { DaemonSet } from './types';

export interface DaemonPlan {
  /** Nodes that need a daemon pod, sorted. */
  create: string[];
  /** Pods to delete, with the Warning to record for failed ones. */
  remove: { pod: Pod; failed: boolean }[];
}

/** `podByCreationTimestampAndPhase`: running before not, then oldest first, then name. */
export function byAgeRunningFirst(a: Pod, b: Pod): number {
  const ra = a.status?.phase === 'Running' ? 0 : 1;
  const rb = b.status?.phase === 'Running' ? 0 : 1;
  if (ra !== rb) return ra - rb;
  const ca = millis(a.metadata?.creationTimestamp) ?? 0;
  const cb = millis(b.metadata?.creationTimestamp) ?? 0;
  return ca !== cb ? ca - cb : (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '');
}

/** The DaemonSet's pods grouped by the node they are for (`getNodesToDaemonPods`). */
export function podsByNode(pods: readonly Pod[]): Map<string, Pod[]> {
  const m = new Map<string, Pod[]>();
  for (const p of pods) {
    const n = targetNode(p);
    if (n !== undefined) m.set(n, [...(m.get(n) ?? []), p]);
  }
  return m;
}

/**
 * `manage` / `podsShouldBeOnNode`: a node that should run the daemon and has no pod (not even
 * a terminating one) gets one; failed and succeeded pods are deleted (replaced next pass); more
 * than one running pod on a node keeps only the oldest; a node that may no longer run it loses
 * its pods. Pods for nodes that no longer exist are deleted too (Kubernetes leaves the bound ones
 * to the pod GC, which Wake does not have).
 */
export function planDaemons(ds: DaemonSet, nodes: readonly Node[], byNode: ReadonlyMap<string, Pod[]>): DaemonPlan {
  const create: string[] = [];
  const remove: DaemonPlan['remove'] = [];
  const live = (ps: readonly Pod[]) => ps.filter((p) => !p.metadata?.deletionTimestamp);
  const known = new Set<string>();
  for (const node of [...nodes].sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''))) {
    const name = node.metadata?.name ?? '';
    known.add(name);
    const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(ds, node);
    const pods = byNode.get(name) ?? [];
    if (shouldRun && pods.length === 0) create.push(name);
    else if (shouldContinueRunning) {
      const running: Pod[] = [];
      for (const p of live(pods)) {
        const phase = p.status?.phase;
        if (phase === 'Failed' || phase === 'Succeeded') remove.push({ pod: p, failed: phase === 'Failed' });
        else running.push(p);
      }
      for (const p of running.sort(byAgeRunningFirst).slice(1)) remove.push({ pod: p, failed: false });
    } else for (const p of live(pods)) remove.push({ pod: p, failed: false });
  }
  for (const [name, pods] of byNode) if (!known.has(name)) for (const p of live(pods)) remove.push({ pod: p, failed: false });
  return { create, remove };
}
