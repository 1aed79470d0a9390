import { isPodReady, maxContainerRestarts, readySince } from '../common/pod-state';
import { millis } from '../common/time';
import type { Pod } from '../common/wire';

const PHASE_ORDER: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * Kubernetes' `ActivePodsWithRanks` order: the pods to delete first sort first.
 *  1. unassigned < assigned
 *  2. Pending < Unknown < Running
 *  3. not ready < ready
 *  4. higher rank (more related pods on the same node) first
 *  5. ready for less time < ready for longer
 *  6. more container restarts first
 *  7. newer (by creationTimestamp) first
 * Kubernetes' LogarithmicScaleDown buckets 5 and 7 by powers of two and breaks ties by uid;
 * we compare exact times and break ties by name so the order is deterministic.
 */
export function compareForDeletion(a: Pod, b: Pod, rank: (p: Pod) => number = () => 0): number {
  const aNode = a.spec?.nodeName ?? '';
  const bNode = b.spec?.nodeName ?? '';
  if (aNode !== bNode && (aNode === '' || bNode === '')) return aNode === '' ? -1 : 1;
  const pa = PHASE_ORDER[a.status?.phase ?? ''] ?? 0;
  const pb = PHASE_ORDER[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa - pb;
  const ra = isPodReady(a);
  const rb = isPodReady(b);
  if (ra !== rb) return ra ? 1 : -1;
  const rankDiff = rank(b) - rank(a);
  if (rankDiff !== 0) return rankDiff;
  if (ra && rb) {
    const sa = readySince(a) ?? 0;
    const sb = readySince(b) ?? 0;
    if (sa !== sb) return sb - sa; // more recently ready = ready for less time → first
  }
  const restartDiff = maxContainerRestarts(b) - maxContainerRestarts(a);
  if (restartDiff !== 0) return restartDiff;
  const ca = millis(a.metadata?.creationTimestamp);
  const cb = millis(b.metadata?.creationTimestamp);
  if (ca !== cb) {
    if (ca === undefined) return -1;
    if (cb === undefined) return 1;
    return cb - ca;
  }
  return (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '');
}

/**
 * `getPodsToDelete`: the `count` pods to delete, ranked by how many of `related` pods
 * (e.g. every pod of the Deployment's ReplicaSets) share their node, so doubled-up nodes
 * shed pods first.
 */
export function podsToDelete(pods: readonly Pod[], related: readonly Pod[], count: number): Pod[] {
  if (count >= pods.length) return [...pods];
  const perNode = new Map<string, number>();
  for (const p of related) {
    const node = p.spec?.nodeName;
    if (node && !p.metadata?.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed') {
      perNode.set(node, (perNode.get(node) ?? 0) + 1);
    }
  }
  const rank = (p: Pod) => (p.spec?.nodeName ? perNode.get(p.spec.nodeName) ?? 0 : 0);
  return [...pods].sort((a, b) => compareForDeletion(a, b, rank)).slice(0, count);
}
