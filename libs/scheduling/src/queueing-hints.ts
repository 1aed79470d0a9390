import type { V1Node, V1Pod } from '@kubernetes/client-node';
import type { FilterPlugin } from './framework';
import { NodeInfo } from './node-info';
import { PodInfo, podInfo, termMatches } from './pod-info';
import { NodeAffinity } from './plugins/node-affinity';
import { NodeName } from './plugins/node-name';
import { NodePorts } from './plugins/node-ports';
import { NodeReady } from './plugins/node-ready';
import { NodeResourcesFit } from './plugins/node-resources-fit';
import { NodeUnschedulable } from './plugins/node-unschedulable';
import { TaintToleration } from './plugins/taint-toleration';
import { compileConstraints } from './plugins/topology-spread-constraints';
import type { DecisionRecord } from './schedule';
import type { ClusterSnapshot } from './snapshot';

/** A change to the cluster the shell has just applied to the snapshot. */
export type ClusterChange =
  | { readonly type: 'NodeAdded'; readonly node: V1Node }
  | { readonly type: 'NodeUpdated'; readonly oldNode: V1Node; readonly node: V1Node }
  /** A bound pod was deleted or terminated (its resources, ports and affinity are gone). */
  | { readonly type: 'PodDeleted'; readonly pod: V1Pod }
  /** A pod was bound, or a bound pod's labels changed (it may now satisfy affinity or spread). */
  | { readonly type: 'PodAdded'; readonly pod: V1Pod };

export interface Hint {
  readonly retry: boolean;
  readonly reason: string;
}

/** Filters that depend on the node and its own pods only. */
const NODE_LOCAL: readonly FilterPlugin[] = [NodeUnschedulable, NodeName, NodeReady, TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit];

function localFailure(pod: PodInfo, node: NodeInfo): string | undefined {
  for (const f of NODE_LOCAL) if (f.filter(pod, node, undefined).code !== 'Success') return f.name;
  return undefined;
}

function nodeInfoFor(node: V1Node, podsFrom: NodeInfo | undefined): NodeInfo {
  const info = new NodeInfo(node.metadata?.name ?? '');
  info.setNode(node);
  for (const p of podsFrom?.pods.values() ?? []) info.addPod(p);
  return info;
}

const sameLabels = (a: V1Node, b: V1Node) => JSON.stringify(a.metadata?.labels ?? {}) === JSON.stringify(b.metadata?.labels ?? {});

/**
 * Queueing hint: could this change make the unschedulable pod schedulable? Conservative where
 * exactness would cost a full cycle (a false "retry" costs one cycle; a false "skip" strands the
 * pod), precise for node-local causes. Call after applying the change to `snapshot`.
 */
export function couldHelp(pod: V1Pod | PodInfo, record: DecisionRecord, change: ClusterChange, snapshot: ClusterSnapshot): Hint {
  const info = 'key' in pod && 'requests' in pod ? pod : podInfo(pod as V1Pod);
  const rejectedBy = new Set(record.rejected.map((r) => r.plugin));
  const topological = rejectedBy.has('InterPodAffinity') || rejectedBy.has('PodTopologySpread');
  switch (change.type) {
    case 'NodeAdded': {
      const name = change.node.metadata?.name ?? '';
      const failed = localFailure(info, nodeInfoFor(change.node, snapshot.node(name)));
      return failed ? { retry: false, reason: `new node ${name} fails ${failed}` } : { retry: true, reason: `new node ${name} may fit` };
    }
    case 'NodeUpdated': {
      const name = change.node.metadata?.name ?? '';
      const current = snapshot.node(name);
      const failed = localFailure(info, nodeInfoFor(change.node, current));
      if (failed) return { retry: false, reason: `node ${name} still fails ${failed}` };
      if (localFailure(info, nodeInfoFor(change.oldNode, current))) return { retry: true, reason: `node ${name} now passes its filters` };
      if (!record.rejected.some((r) => r.node === name) && record.nodesInCluster > 0)
        return { retry: true, reason: `node ${name} was not evaluated` };
      if (topological && !sameLabels(change.oldNode, change.node)) return { retry: true, reason: `node ${name} changed topology labels` };
      return { retry: false, reason: `nothing relevant changed on node ${name}` };
    }
    case 'PodDeleted': {
      const gone = podInfo(change.pod);
      const at = record.rejected.find((r) => r.node === gone.nodeName);
      if (at && (at.plugin === 'NodeResourcesFit' || at.plugin === 'NodePorts')) {
        const node = snapshot.node(at.node);
        if (node && !localFailure(info, node)) return { retry: true, reason: `pod deletion freed room on ${at.node}` };
      }
      const ns = snapshot.namespaceLabels;
      if (rejectedBy.has('InterPodAffinity')) {
        if (info.requiredAntiAffinity.some((t) => termMatches(t, gone, ns)) || gone.requiredAntiAffinity.some((t) => termMatches(t, info, ns)))
          return { retry: true, reason: 'a pod involved in anti-affinity was deleted' };
      }
      if (rejectedBy.has('PodTopologySpread') && matchesSpread(info, gone))
        return { retry: true, reason: 'a pod counted by topology spread was deleted' };
      return { retry: false, reason: 'the deleted pod did not constrain this pod' };
    }
    case 'PodAdded': {
      const added = podInfo(change.pod);
      if (!added.nodeName) return { retry: false, reason: 'pod is not bound' };
      const ns = snapshot.namespaceLabels;
      if (rejectedBy.has('InterPodAffinity') && info.requiredAffinity.length > 0 && info.requiredAffinity.every((t) => termMatches(t, added, ns)))
        return { retry: true, reason: 'a pod matching required affinity appeared' };
      if (rejectedBy.has('PodTopologySpread') && matchesSpread(info, added))
        return { retry: true, reason: 'a pod counted by topology spread appeared' };
      return { retry: false, reason: 'the new pod does not help this pod' };
    }
  }
}

function matchesSpread(pod: PodInfo, other: PodInfo): boolean {
  return other.namespace === pod.namespace && compileConstraints(pod, 'DoNotSchedule').some((c) => c.selector.matches(other.labels));
}
