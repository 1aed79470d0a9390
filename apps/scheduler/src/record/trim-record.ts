import type { DecisionRecord } from '@wake/scheduling';

/** Nodes rejected for one reason by one filter: how many, and (up to a limit) which. */
export interface RejectionGroup {
  readonly plugin: string;
  readonly reason: string;
  readonly count: number;
  readonly nodes: readonly string[];
}

/** A scored node as kept in the record: its weighted total and each plugin's normalized score. */
export interface ScoredNode {
  readonly node: string;
  readonly total: number;
  readonly scores: Readonly<Record<string, number>>;
}

/**
 * The decision record as stored in Pod.Bound / Pod.SchedulingFailed `detail`: the whole record
 * of a 1,000-node cluster is ~13 KB per pod, so rejections are aggregated by (filter, reason) with
 * the first node names of each group, and only the best `topN` scored nodes are kept (the chosen
 * one always). Small clusters keep everything: every rejected node is named when a group holds
 * no more than `nodesPerReason` nodes, and every scored node when there are no more than `topN`.
 */
export interface StoredDecision {
  readonly pod: string;
  readonly chosen: string | undefined;
  readonly nodesInCluster: number;
  readonly numNodesToFind: number;
  readonly startIndex: number;
  readonly skippedFilters: readonly string[];
  readonly rejected: { readonly total: number; readonly groups: readonly RejectionGroup[] };
  readonly scored: { readonly total: number; readonly weights: Readonly<Record<string, number>>; readonly top: readonly ScoredNode[] };
}

export function trimRecord(record: DecisionRecord, topN: number, nodesPerReason: number): StoredDecision {
  const groups = new Map<string, { plugin: string; reason: string; count: number; nodes: string[] }>();
  for (const r of record.rejected) {
    for (const reason of r.reasons.length ? r.reasons : ['']) {
      const k = `${r.plugin}\u0000${reason}`;
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { plugin: r.plugin, reason, count: 0, nodes: [] }));
      g.count++;
      if (g.nodes.length < nodesPerReason) g.nodes.push(r.node);
    }
  }
  const s = record.scored;
  const keep = topIndices(s.totals, s.nodes, topN);
  const chosenAt = record.chosen === undefined ? -1 : s.nodes.indexOf(record.chosen);
  if (chosenAt >= 0 && !keep.includes(chosenAt)) keep[keep.length - 1] = chosenAt;
  const weights: Record<string, number> = {};
  s.plugins.forEach((p, k) => (weights[p] = s.weights[k]));
  const top = keep.map((i) => {
    const scores: Record<string, number> = {};
    s.plugins.forEach((p, k) => (scores[p] = s.scores[k][i]));
    return { node: s.nodes[i], total: s.totals[i], scores };
  });
  return {
    pod: record.pod,
    chosen: record.chosen,
    nodesInCluster: record.nodesInCluster,
    numNodesToFind: record.numNodesToFind,
    startIndex: record.startIndex,
    skippedFilters: record.skippedFilters,
    rejected: { total: record.rejected.length, groups: [...groups.values()].sort((a, b) => b.count - a.count || a.plugin.localeCompare(b.plugin)) },
    scored: { total: s.nodes.length, weights, top },
  };
}

/** Indices of the `n` best totals (ties by node name), best first: one pass, no full sort. */
function topIndices(totals: readonly number[], names: readonly string[], n: number): number[] {
  const better = (a: number, b: number) => totals[a] > totals[b] || (totals[a] === totals[b] && names[a] < names[b]);
  const top: number[] = [];
  for (let i = 0; i < totals.length; i++) {
    if (top.length === n && !better(i, top[n - 1])) continue;
    let at = top.length < n ? top.length : n - 1;
    while (at > 0 && better(i, top[at - 1])) { top[at] = top[at - 1]; at--; }
    top[at] = i;
  }
  return top;
}

/** "Why not this node?" from a stored (trimmed) record; `unknown` when the trimming dropped the answer. */
export function explainStored(d: StoredDecision, node: string):
  | { readonly verdict: 'rejected'; readonly plugin: string; readonly reasons: readonly string[] }
  | { readonly verdict: 'scored'; readonly chosen: boolean; readonly total: number; readonly scores: Readonly<Record<string, number>> }
  | { readonly verdict: 'unknown' } {
  const hits = d.rejected.groups.filter((g) => g.nodes.includes(node));
  if (hits.length) return { verdict: 'rejected', plugin: hits[0].plugin, reasons: hits.map((g) => g.reason) };
  const s = d.scored.top.find((t) => t.node === node);
  if (s) return { verdict: 'scored', chosen: d.chosen === node, total: s.total, scores: s.scores };
  return { verdict: 'unknown' };
}
