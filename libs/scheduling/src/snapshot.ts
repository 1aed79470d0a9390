import type { V1Node, V1Pod } from '@kubernetes/client-node';
import type { Labels } from './label-selector';
import { NodeInfo } from './node-info';
import { PodInfo, podInfo, podKey } from './pod-info';

/**
 * The scheduler's view of the cluster, kept incrementally from the event log: one NodeInfo per
 * node with the pods bound to it. Every update is O(1) or O(pods on the node); nothing re-lists.
 * Pure data: the shell feeds it events; `schedule` reads it.
 */
export class ClusterSnapshot {
  private readonly infos = new Map<string, NodeInfo>();
  /** Nodes that have a Node object, in a stable order (removal swaps the last one in). */
  private readonly list: NodeInfo[] = [];
  private readonly position = new Map<NodeInfo, number>();
  private readonly podNode = new Map<string, { node: string; info: PodInfo }>();
  private readonly owners = new Map<string, Map<string, number>>();
  private readonly namespaces = new Map<string, Labels>();
  /** `namespace/claim` → the node holding the claim's node-local volume. */
  private readonly claims = new Map<string, string>();
  /** Nodes carrying at least one pod with (anti-)affinity / required anti-affinity. */
  readonly nodesWithAffinityPods = new Set<NodeInfo>();
  readonly nodesWithRequiredAntiAffinityPods = new Set<NodeInfo>();
  /** Bumped on every change. */
  generation = 0;

  /** Nodes that exist (have a Node object), in iteration order. */
  get nodes(): readonly NodeInfo[] {
    return this.list;
  }

  get numNodes(): number {
    return this.list.length;
  }

  get numPods(): number {
    return this.podNode.size;
  }

  node(name: string): NodeInfo | undefined {
    const info = this.infos.get(name);
    return info?.node ? info : undefined;
  }

  /** Add or replace a node. */
  updateNode(node: V1Node): NodeInfo {
    const name = node.metadata?.name ?? '';
    let info = this.infos.get(name);
    if (!info) this.infos.set(name, (info = new NodeInfo(name)));
    info.setNode(node);
    if (!this.position.has(info)) {
      this.position.set(info, this.list.length);
      this.list.push(info);
    }
    this.generation++;
    return info;
  }

  /** Remove a node. Pods still bound to it stay accounted (as kube-scheduler's cache does) until removed. */
  removeNode(name: string): void {
    const info = this.infos.get(name);
    if (!info) return;
    const at = this.position.get(info);
    if (at !== undefined) {
      const last = this.list.pop()!;
      if (last !== info) {
        this.list[at] = last;
        this.position.set(last, at);
      }
      this.position.delete(info);
    }
    info.setNode(undefined);
    if (info.podCount === 0) this.forget(info);
    this.generation++;
  }

  /**
   * Add or update a pod. Pods without `spec.nodeName` and terminated pods (Succeeded/Failed)
   * hold no resources, so they are removed instead. Returns the pod's info when it is bound.
   */
  addPod(pod: V1Pod | PodInfo): PodInfo | undefined {
    const p = 'pod' in pod && 'key' in pod ? pod : podInfo(pod as V1Pod);
    this.removePod(p.key);
    const phase = p.pod.status?.phase;
    if (!p.nodeName || phase === 'Succeeded' || phase === 'Failed') return undefined;
    let info = this.infos.get(p.nodeName);
    if (!info) this.infos.set(p.nodeName, (info = new NodeInfo(p.nodeName)));
    info.addPod(p);
    this.podNode.set(p.key, { node: p.nodeName, info: p });
    if (p.ownerKey) {
      let perNode = this.owners.get(p.ownerKey);
      if (!perNode) this.owners.set(p.ownerKey, (perNode = new Map()));
      perNode.set(p.nodeName, (perNode.get(p.nodeName) ?? 0) + 1);
    }
    this.indexAffinity(info);
    this.generation++;
    return p;
  }

  /** The pod as if bound to `nodeName` (what the shell does right after a decision: kube-scheduler's "assume"). */
  bindPod(pod: V1Pod, nodeName: string): PodInfo {
    return this.addPod({ ...pod, spec: { ...pod.spec!, nodeName } })!;
  }

  /** Remove a pod by object or key (uid, or namespace/name when the pod has no uid). */
  removePod(pod: V1Pod | string): boolean {
    const key = typeof pod === 'string' ? pod : podKey(pod);
    const at = this.podNode.get(key);
    if (!at) return false;
    this.podNode.delete(key);
    const info = this.infos.get(at.node)!;
    info.removePod(at.info);
    if (at.info.ownerKey) {
      const perNode = this.owners.get(at.info.ownerKey)!;
      const n = (perNode.get(at.node) ?? 1) - 1;
      if (n > 0) perNode.set(at.node, n);
      else perNode.delete(at.node);
      if (perNode.size === 0) this.owners.delete(at.info.ownerKey);
    }
    this.indexAffinity(info);
    if (!info.node && info.podCount === 0) this.forget(info);
    this.generation++;
    return true;
  }

  /** The bound pod with this key, if any. */
  pod(key: string): PodInfo | undefined {
    return this.podNode.get(key)?.info;
  }

  setNamespaceLabels(namespace: string, labels: Labels | undefined): void {
    if (labels) this.namespaces.set(namespace, labels);
    else this.namespaces.delete(namespace);
    this.generation++;
  }

  readonly namespaceLabels = (namespace: string): Labels | undefined => this.namespaces.get(namespace);

  /** Where a claim's node-local volume lives (its selected-node), or undefined when not placed yet. */
  claimNode(namespace: string, claim: string): string | undefined {
    return this.claims.get(`${namespace}/${claim}`);
  }

  /** Record (or, with undefined, forget) the node of a claim. */
  setClaimNode(namespace: string, claim: string, node: string | undefined): void {
    if (node) this.claims.set(`${namespace}/${claim}`, node);
    else this.claims.delete(`${namespace}/${claim}`);
    this.generation++;
  }

  /** node name → number of bound pods controlled by `ownerKey` (see PodInfo.ownerKey). */
  ownerPods(ownerKey: string): ReadonlyMap<string, number> | undefined {
    return this.owners.get(ownerKey);
  }

  private indexAffinity(info: NodeInfo): void {
    if (info.podsWithAffinity > 0) this.nodesWithAffinityPods.add(info);
    else this.nodesWithAffinityPods.delete(info);
    if (info.podsWithRequiredAntiAffinity > 0) this.nodesWithRequiredAntiAffinityPods.add(info);
    else this.nodesWithRequiredAntiAffinityPods.delete(info);
  }

  private forget(info: NodeInfo): void {
    this.infos.delete(info.name);
    this.nodesWithAffinityPods.delete(info);
    this.nodesWithRequiredAntiAffinityPods.delete(info);
  }
}
