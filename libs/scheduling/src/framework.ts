import type { NodeInfo } from './node-info';
import type { PodInfo } from './pod-info';
import type { ClusterSnapshot } from './snapshot';

/** kube-scheduler's status codes, restricted to the ones a filter returns. */
export type Code = 'Success' | 'Unschedulable' | 'UnschedulableAndUnresolvable';

export interface Status {
  readonly code: Code;
  readonly reasons: readonly string[];
}

export const SUCCESS: Status = Object.freeze({ code: 'Success', reasons: Object.freeze([]) as readonly string[] });

/** Rejected here; may fit after other pods leave (preemption could help). */
export const unschedulable = (...reasons: string[]): Status => Object.freeze({ code: 'Unschedulable', reasons: Object.freeze(reasons) });
/** Rejected here whatever happens to the pods on the node. */
export const unresolvable = (...reasons: string[]): Status => Object.freeze({ code: 'UnschedulableAndUnresolvable', reasons: Object.freeze(reasons) });

export const MAX_NODE_SCORE = 100;

/** Returned by `prepare` when the plugin has nothing to say about this pod (kube-scheduler's Skip). */
export const SKIP: unique symbol = Symbol('skip');
export type Skip = typeof SKIP;

/**
 * A filter: one method, a node in, a status out. `prepare` (PreFilter) computes per-cycle
 * state once per pod (cluster-wide counts, parsed terms) so that `filter` stays cheap.
 */
export interface FilterPlugin<S = undefined> {
  readonly name: string;
  readonly prepare?: (pod: PodInfo, snapshot: ClusterSnapshot) => S | Skip;
  readonly filter: (pod: PodInfo, node: NodeInfo, state: S) => Status;
}

/**
 * A score: one method, a feasible node in, a raw score out; `normalize` maps the raw scores of
 * all feasible nodes to 0..100 in place (kube-scheduler's ScoreExtensions).
 */
export interface ScorePlugin<S = undefined> {
  readonly name: string;
  readonly prepare?: (pod: PodInfo, snapshot: ClusterSnapshot, feasible: readonly NodeInfo[]) => S | Skip;
  readonly score: (pod: PodInfo, node: NodeInfo, state: S) => number;
  readonly normalize?: (scores: number[], state: S, feasible: readonly NodeInfo[]) => void;
}

/** helper.DefaultNormalizeScore: scale to 0..max by the highest score; `reverse` flips it. */
export function defaultNormalize(scores: number[], reverse: boolean, max = MAX_NODE_SCORE): void {
  let highest = 0;
  for (const s of scores) if (s > highest) highest = s;
  if (highest === 0) {
    if (reverse) scores.fill(max);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    const s = Math.trunc((max * scores[i]) / highest);
    scores[i] = reverse ? max - s : s;
  }
}
