import type { V1Pod } from '@kubernetes/client-node';
import type { KubeObject, StoredEvent } from '@wake/events';
import { podInfo, schedule, type ClusterSnapshot, type SchedulerConfig } from '@wake/scheduling';

/** One node's score in a decision: the weighted total and each plugin's normalized score. */
export interface NodeScore {
  readonly node: string;
  readonly total: number;
  readonly scores: Readonly<Record<string, number>>;
}

/** A scheduling verdict: a node, or unschedulable (node undefined) with the scheduler's message. */
export interface BindingVerdict {
  readonly node: string | undefined;
  readonly message?: string;
  /** Per-node scores, best first (recorded: the top nodes the scheduler kept in its decision). */
  readonly scores: readonly NodeScore[];
  readonly weights?: Readonly<Record<string, number>>;
}

export interface BindingComparison {
  readonly match: boolean;
  readonly recorded: BindingVerdict;
  readonly today: BindingVerdict & {
    /** Every node with today's best total (the scheduler picks one of them by a hash of the pod's key). */
    readonly best: readonly string[];
  };
}

/** The decision the scheduler stored in the event's detail (apps/scheduler/src/record/trim-record.ts). */
interface StoredDecision {
  readonly startIndex?: number;
  readonly scored?: { readonly weights?: Record<string, number>; readonly top?: readonly NodeScore[] };
}

/** The pod as it waited for the scheduler: the state's version, or the bound one without its node. */
export function pendingPod(recorded: StoredEvent, before: KubeObject | undefined): KubeObject {
  const pod = before ?? recorded.object;
  const spec = { ...(pod.spec as Record<string, unknown>) };
  delete spec.nodeName;
  return { ...pod, spec };
}

/**
 * Re-runs today's scheduling cycle for a recorded Pod.Bound / Pod.SchedulingFailed on the
 * snapshot the scheduler had, and compares the verdicts.
 *
 * Ties: the scheduler breaks a tie between equally scored nodes by a hash of the pod's key taken
 * modulo the number of tied nodes, indexed in the order nodes were evaluated — which depends on
 * the order the service learnt its nodes and on its rotating start index, neither of which a
 * replay can know exactly. So when today's best total is shared by several nodes and the
 * recorded node is one of them, the decisions agree: it is a match.
 */
export function compareBinding(recorded: StoredEvent, pending: KubeObject, snapshot: ClusterSnapshot, config: SchedulerConfig): BindingComparison {
  const stored = (recorded.detail?.decision ?? undefined) as StoredDecision | undefined;
  const recordedNode = recorded.type.endsWith('.Bound') ? (recorded.object.spec as { nodeName?: string } | undefined)?.nodeName : undefined;
  const d = schedule(podInfo(pending as unknown as V1Pod), snapshot, config, { startIndex: stored?.startIndex ?? 0 });
  const t = d.record.scored;
  const scores: NodeScore[] = t.nodes.map((node, i) => {
    const per: Record<string, number> = {};
    t.plugins.forEach((p, k) => (per[p] = t.scores[k][i]));
    return { node, total: t.totals[i], scores: per };
  }).sort((a, b) => b.total - a.total || (a.node < b.node ? -1 : 1));
  const weights: Record<string, number> = {};
  t.plugins.forEach((p, k) => (weights[p] = t.weights[k]));
  const bestTotal = scores.length ? scores[0].total : undefined;
  const best = scores.filter((s) => s.total === bestTotal).map((s) => s.node);
  const today = {
    node: d.type === 'Scheduled' ? d.nodeName : undefined,
    ...(d.type === 'Unschedulable' ? { message: d.message } : {}),
    scores, weights, best,
  };
  const match = recordedNode === undefined ? d.type === 'Unschedulable' : d.type === 'Scheduled' && best.includes(recordedNode);
  return {
    match,
    recorded: { node: recordedNode, ...(recordedNode === undefined ? { message: schedulingMessage(recorded.object) } : {}), scores: stored?.scored?.top ?? [], ...(stored?.scored?.weights ? { weights: stored.scored.weights } : {}) },
    today,
  };
}

/** The message of a pod's PodScheduled=False condition (what the scheduler said when it found no node). */
function schedulingMessage(pod: KubeObject): string | undefined {
  const conditions = (pod.status as { conditions?: { type: string; status: string; message?: string }[] } | undefined)?.conditions ?? [];
  return conditions.find((c) => c.type === 'PodScheduled' && c.status === 'False')?.message;
}
