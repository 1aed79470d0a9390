import type { V1Node, V1Pod } from '@kubernetes/client-node';
import type { InformerEvent } from '@wake/runtime';
import type { KubeObject } from '@wake/events';
import { ClusterSnapshot, podClaimNames, podKey, SELECTED_NODE_ANNOTATION, type ClusterChange } from '@wake/scheduling';
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
  /** `namespace/name` → PersistentVolumeClaim (to place node-local claims with their first pod). */
  private readonly claims = new Map<string, KubeObject>();
  /** `namespace/name` of an assumed pod → the claims its assumption placed (undone by `forget`). */
  private readonly assumedClaims = new Map<string, KubeObject[]>();
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

  /**
   * Claims: an annotated claim (selected-node) pins its pods to that node; a claim without one
   * keeps what `assume` recorded for it until the scheduler's own annotation comes back.
   */
  onClaim = (e: InformerEvent): void => {
    const key = nsName(e.object);
    const { namespace = '', name } = e.object.metadata;
    if (e.type === 'DELETED') {
      this.claims.delete(key);
      this.snapshot.setClaimNode(namespace, name, undefined);
      return;
    }
    this.claims.set(key, e.object);
    const node = e.object.metadata.annotations?.[SELECTED_NODE_ANNOTATION];
    if (node) this.snapshot.setClaimNode(namespace, name, node);
  };

  /** The pod's existing claims that no node holds yet (to be placed with the pod). */
  unplacedClaims(pod: PodObject): KubeObject[] {
    const ns = pod.metadata.namespace ?? '';
    return podClaimNames(pod as unknown as V1Pod)
      .map((n) => this.claims.get(`${ns}/${n}`))
      .filter((c): c is KubeObject => c !== undefined && !c.metadata.annotations?.[SELECTED_NODE_ANNOTATION]);
  }

  onPod = (e: InformerEvent): void => {
    const pod = e.object as PodObject;
    const key = nsName(pod);
    const snapKey = podKey(pod as unknown as V1Pod);
    if (e.type === 'DELETED' || pod.spec?.nodeName) this.causes.delete(key);
    if (e.type === 'DELETED') {
      this.assumed.delete(key);
      this.assumedClaims.delete(key);
      this.queue.remove(key);
      const was = this.snapshot.pod(snapKey);
      if (this.snapshot.removePod(snapKey) && was) this.changed({ type: 'PodDeleted', pod: was.pod });
      return;
    }
    if (pod.spec?.nodeName) {
      this.queue.remove(key);
      const wasAssumed = this.assumed.delete(key);
      this.assumedClaims.delete(key);
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
    const claims = this.unplacedClaims(pod);
    for (const c of claims) this.snapshot.setClaimNode(c.metadata.namespace ?? '', c.metadata.name, nodeName);
    if (claims.length) this.assumedClaims.set(key, claims);
    this.assumed.set(key, info.key);
    this.changed({ type: 'PodAdded', pod: info.pod });
  }

  /** The binding failed: the pod is not on that node after all. */
  forget(key: string): void {
    for (const c of this.assumedClaims.get(key) ?? []) {
      const now = this.claims.get(nsName(c));
      if (now && !now.metadata.annotations?.[SELECTED_NODE_ANNOTATION]) this.snapshot.setClaimNode(c.metadata.namespace ?? '', c.metadata.name, undefined);
    }
    this.assumedClaims.delete(key);
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
