import type { V1Node, V1Pod } from '@kubernetes/client-node';
import { isRemoval, type KubeObject, type StoredEvent } from '@wake/events';
import { ClusterSnapshot, SELECTED_NODE_ANNOTATION } from '@wake/scheduling';
import type { ReplayState } from './replay-state';

const byName = (a: KubeObject, b: KubeObject) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0);

/**
 * The scheduler's snapshot of a replayed state, built as the service's cache builds it from its
 * informers (apps/scheduler/src/cache): namespace labels, every Node, the node of each placed
 * claim, and every pod bound to a node (finished pods hold nothing: ClusterSnapshot.addPod).
 * `assumed`: pods bound by the scheduler whose binding the state does not show yet (its
 * "assume"). Nodes are added by name: the service's order is the order it learnt them, which
 * only matters for ties (see compareBinding) and for sampling in clusters of 100+ nodes.
 */
export function schedulerSnapshot(state: ReplayState, assumed: readonly KubeObject[] = []): ClusterSnapshot {
  const s = new ClusterSnapshot();
  for (const ns of state.list('Namespace')) s.setNamespaceLabels(ns.metadata.name, ns.metadata.labels ?? {});
  for (const node of state.list('Node').sort(byName)) s.updateNode(node as unknown as V1Node);
  for (const c of state.list('PersistentVolumeClaim')) {
    const node = c.metadata.annotations?.[SELECTED_NODE_ANNOTATION];
    if (node) s.setClaimNode(c.metadata.namespace ?? '', c.metadata.name, node);
  }
  for (const p of [...state.list('Pod'), ...assumed]) if ((p.spec as { nodeName?: string } | undefined)?.nodeName) s.addPod(p as unknown as V1Pod);
  return s;
}

/**
 * The scheduler's snapshot kept incrementally along a replay, one update per event, as the
 * service's informers keep theirs — so re-running every binding of a long slice does not
 * rebuild the snapshot each time.
 */
export class SchedulerView {
  readonly snapshot: ClusterSnapshot;

  constructor(seed: ReplayState) {
    this.snapshot = schedulerSnapshot(seed);
  }

  /** Applies an event the replayed state applied. */
  apply(e: StoredEvent): void {
    const o = e.object;
    const removed = isRemoval(e);
    switch (e.kind) {
      case 'Namespace':
        this.snapshot.setNamespaceLabels(o.metadata.name, removed ? undefined : (o.metadata.labels ?? {}));
        return;
      case 'Node':
        if (removed) this.snapshot.removeNode(o.metadata.name);
        else this.snapshot.updateNode(o as unknown as V1Node);
        return;
      case 'PersistentVolumeClaim': {
        // As the service's cache: an annotated claim pins its node; an unannotated update keeps what it had.
        const node = removed ? undefined : o.metadata.annotations?.[SELECTED_NODE_ANNOTATION];
        if (removed || node) this.snapshot.setClaimNode(o.metadata.namespace ?? '', o.metadata.name, node);
        return;
      }
      case 'Pod':
        if (removed) this.snapshot.removePod(o as unknown as V1Pod);
        else this.snapshot.addPod(o as unknown as V1Pod); // an unbound or finished pod holds nothing: addPod drops it
        return;
      default:
    }
  }
}
