import type { V1Node, V1Pod } from '@kubernetes/client-node';
import type { FilterPlugin, ScorePlugin, Status } from './framework';
import { SKIP } from './framework';
import type { NodeInfo } from './node-info';
import { podInfo } from './pod-info';
import { ClusterSnapshot } from './snapshot';

/** A snapshot holding `nodes` and the bound `pods`. */
export function snapshotOf(nodes: V1Node[], pods: V1Pod[] = []): ClusterSnapshot {
  const s = new ClusterSnapshot();
  for (const n of nodes) s.updateNode(n);
  for (const p of pods) s.addPod(p);
  return s;
}

/** Run one filter plugin (with its PreFilter) for `pod` on `nodeName`. */
export function runFilter<S>(plugin: FilterPlugin<S>, pod: V1Pod, snapshot: ClusterSnapshot, nodeName: string): Status {
  const info = podInfo(pod);
  const state = plugin.prepare ? plugin.prepare(info, snapshot) : (undefined as S);
  if (state === SKIP) return { code: 'Success', reasons: [] };
  return plugin.filter(info, snapshot.node(nodeName)!, state as S);
}

/** Run one score plugin over all nodes of the snapshot (or `only`), normalized; returns name → score. */
export function runScore<S>(plugin: ScorePlugin<S>, pod: V1Pod, snapshot: ClusterSnapshot, only?: string[]): Record<string, number> {
  const info = podInfo(pod);
  const feasible: NodeInfo[] = (only ?? snapshot.nodes.map((n) => n.name)).map((n) => snapshot.node(n)!);
  const state = plugin.prepare ? plugin.prepare(info, snapshot, feasible) : (undefined as S);
  const scores = feasible.map((n) => (state === SKIP ? 0 : plugin.score(info, n, state as S)));
  if (state !== SKIP) plugin.normalize?.(scores, state as S, feasible);
  return Object.fromEntries(feasible.map((n, i) => [n.name, scores[i]]));
}
