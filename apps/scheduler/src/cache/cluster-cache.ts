import type { V1Node, V1Pod } from '@kubernetes/client-node';
import type { InformerEvent } from '@wake/runtime';
import { ClusterSnapshot, podKey, type ClusterChange } from '@wake/scheduling';
import { awaitsScheduling, type PodObject } from '../binding/pod-scheduled';
import type { Cause } from '../binding/binder';
import type { SchedulingQueue } from '../queue/scheduling-queue';

export const nsName = (o: { metadata: { namespace?: string; name: string } }): string => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The scheduler's cache, fed by the informers: the ClusterSnapshot kept incrementally (one
 * update per event, nothing re-listed), the pods assumed bound while their binding is in flight
 * (kube-scheduler's "assume"), and the queue told which pods await scheduling and which parked
 * pods a change could help. Runs on standby replicas too, so a takeover starts warm.
 */
export class ClusterCache {
  readonly snapshot = new ClusterSnapshot();
  /** `namespace/name` → the snapshot key of a pod assumed bound (binding in flight or not yet seen back). */
  private readonly assumed = new Map<string, string>();
  /** `namespace/name` → the event that last made a pending pod what it is (the binding's causation). */
  private readonly causes = new Map<string, Cause>();
  /** Hints given (for tests and logs): which change moved which pods. */
  onMoved?: (change: ClusterChange, keys: readonly string[]) => void;

  constructor(private readonly queue: SchedulingQueue, private readonly schedulerName: string) {}

  onNamespace = (e: InformerEvent): void => {
    const labels = e.type === 'DELETED' ? undefined : (e.object.metadata.labels ?? {});
    this.snapshot.setNamespaceLabels(e.object.metadata.name, labels);
  };

  onNode = (e: InformerEvent): void => {
    const node = e.object as unknown as V1Node;
    const name = node.metadata!.name!;
    if (e.type === 'DELETED') { this.snapshot.removeNode(name); return; }
    const old = this.snapshot.node(name)?.node;
    this.snapshot.updateNode(node);
    this.changed(old ? { type: 'NodeUpdated', oldNode: old, node } : { type: 'NodeAdded', node });
  };

  onPod = (e: InformerEvent): void => {
    const pod = e.object as PodObject;
    const key = nsName(pod);
    const snapKey = podKey(pod as unknown as V1Pod);
    if (e.type === 'DELETED' || pod.spec?.nodeName) this.causes.delete(key);
    if (e.type === 'DELETED') {
      this.assumed.delete(key);
      this.queue.remove(key);
      const was = this.snapshot.pod(snapKey);
      if (this.snapshot.removePod(snapKey) && was) this.changed({ type: 'PodDeleted', pod: was.pod });
      return;
    }
    if (pod.spec?.nodeName) {
      this.queue.remove(key);
      const wasAssumed = this.assumed.delete(key);
      const was = this.snapshot.pod(snapKey);
      const now = this.snapshot.addPod(pod as unknown as V1Pod);
      if (!now && was) this.changed({ type: 'PodDeleted', pod: was.pod }); // finished: its resources are free
      else if (now && (!was || (!wasAssumed && !sameJson(was.labels, now.labels)))) this.changed({ type: 'PodAdded', pod: now.pod });
      return;
    }
    if (!this.assumed.has(key)) this.snapshot.removePod(snapKey);
    if (!awaitsScheduling(pod, this.schedulerName)) { this.queue.remove(key); this.causes.delete(key); return; }
    if (e.event) this.causes.set(key, { causationId: e.event.id, causationSeq: e.event.seq, correlationId: e.event.correlationId });
    // A parked pod whose own status changed (e.g. our PodScheduled=False) stays parked; a spec or label change retries it.
    const parked = this.queue.parkedPod(key);
    if (!parked || !sameJson(parked.spec, pod.spec) || !sameJson(parked.metadata?.labels ?? {}, pod.metadata.labels ?? {})) this.queue.add(key);
  };

  /** The decision is taken: account the pod on its node before the binding is acknowledged. */
  assume(pod: PodObject, nodeName: string): void {
    const key = nsName(pod);
    const info = this.snapshot.bindPod(pod as unknown as V1Pod, nodeName);
    this.assumed.set(key, info.key);
    this.changed({ type: 'PodAdded', pod: info.pod });
  }

  /** The binding failed: the pod is not on that node after all. */
  forget(key: string): void {
    const snapKey = this.assumed.get(key);
    if (snapKey === undefined) return;
    this.assumed.delete(key);
    const was = this.snapshot.pod(snapKey);
    if (this.snapshot.removePod(snapKey) && was) this.changed({ type: 'PodDeleted', pod: was.pod });
  }

  causeOf(key: string): Cause {
    return this.causes.get(key) ?? {};
  }

  isAssumed(key: string): boolean {
    return this.assumed.has(key);
  }

  private changed(change: ClusterChange): void {
    const moved = this.queue.onChange(change, this.snapshot);
    if (moved.length) this.onMoved?.(change, moved);
  }
}
