import type { V1Pod } from '@kubernetes/client-node';
import { compileProfile, numFeasibleNodesToFind, Profile, SchedulerConfig } from './config';
import { unschedulableMessage, Rejection } from './fit-error';
import { FilterPlugin, SKIP, Status } from './framework';
import type { NodeInfo } from './node-info';
import { PodInfo, podInfo } from './pod-info';
import type { ClusterSnapshot } from './snapshot';

/** Per-cycle inputs that kube-scheduler keeps as hidden state; here the shell owns them. */
export interface CycleInput {
  /** Where filtering starts in `snapshot.nodes` (pass the previous decision's `nextStartIndex`). */
  readonly startIndex?: number;
  /** Breaks ties between equally scored nodes; defaults to a hash of the pod's key. */
  readonly seed?: number;
}

/** The scored sample: `scores[p][i]` is plugin `plugins[p]`'s normalized (0..100) score of node `nodes[i]`. */
export interface ScoreTable {
  readonly nodes: readonly string[];
  readonly plugins: readonly string[];
  readonly weights: readonly number[];
  readonly scores: readonly (readonly number[])[];
  /** Σ weight × score per node. */
  readonly totals: readonly number[];
}

/**
 * Why the pod went where it went (or nowhere): every evaluated node either rejected by one
 * filter with its reasons, or scored per plugin. Stored in the Pod.Bound event.
 */
export interface DecisionRecord {
  readonly pod: string;
  readonly nodesInCluster: number;
  readonly numNodesToFind: number;
  readonly startIndex: number;
  /** Filters that had nothing to check for this pod (their PreFilter said Skip). */
  readonly skippedFilters: readonly string[];
  readonly rejected: readonly Rejection[];
  readonly scored: ScoreTable;
  readonly chosen: string | undefined;
}

interface DecisionBase {
  readonly record: DecisionRecord;
  /** Feed into the next cycle's `startIndex` so nodes are sampled fairly. */
  readonly nextStartIndex: number;
}
export type Decision =
  | (DecisionBase & { readonly type: 'Scheduled'; readonly nodeName: string })
  | (DecisionBase & { readonly type: 'Unschedulable'; readonly unschedulable: true; readonly message: string });

/** FNV-1a, for a deterministic default tie-break seed. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
interface ActiveFilter {
  readonly plugin: FilterPlugin<any>;
  readonly state: any;
}

/** Run the (prepared) filters on one node; the first rejection wins, as in kube-scheduler. */
export function runFilters(pod: PodInfo, node: NodeInfo, filters: readonly ActiveFilter[]): { plugin: string; status: Status } | undefined {
  for (let f = 0; f < filters.length; f++) {
    const status = filters[f].plugin.filter(pod, node, filters[f].state);
    if (status.code !== 'Success') return { plugin: filters[f].plugin.name, status };
  }
  return undefined;
}

/** PreFilter: compute each filter's per-cycle state once; drop the ones that skip. */
export function prepareFilters(pod: PodInfo, snapshot: ClusterSnapshot, profile: Profile): { active: ActiveFilter[]; skipped: string[] } {
  const active: ActiveFilter[] = [];
  const skipped: string[] = [];
  for (const plugin of profile.filters) {
    const state = plugin.prepare ? plugin.prepare(pod, snapshot) : undefined;
    if (state === SKIP) skipped.push(plugin.name);
    else active.push({ plugin, state });
  }
  return { active, skipped };
}

/**
 * One scheduling cycle, pure: filter nodes from `startIndex` until enough feasible ones are found
 * (percentageOfNodesToScore), score that sample, pick the best (ties broken by `seed`).
 * The snapshot is not modified; on success the shell appends Pod.Bound and calls `snapshot.bindPod`.
 */
export function schedule(pod: V1Pod | PodInfo, snapshot: ClusterSnapshot, config: SchedulerConfig = {}, input: CycleInput = {}): Decision {
  const profile = compileProfile(config);
  const info = 'key' in pod && 'requests' in pod ? pod : podInfo(pod as V1Pod);
  const nodes = snapshot.nodes;
  const n = nodes.length;
  const start = n === 0 ? 0 : (((input.startIndex ?? 0) % n) + n) % n;
  const numToFind = numFeasibleNodesToFind(profile.percentageOfNodesToScore, n);
  const { active, skipped } = prepareFilters(info, snapshot, profile);

  const feasible: NodeInfo[] = [];
  const rejected: Rejection[] = [];
  let processed = 0;
  for (; processed < n && feasible.length < numToFind; processed++) {
    const node = nodes[(start + processed) % n];
    const failure = runFilters(info, node, active);
    if (failure) rejected.push({ node: node.name, plugin: failure.plugin, code: failure.status.code, reasons: failure.status.reasons });
    else feasible.push(node);
  }
  const nextStartIndex = n === 0 ? 0 : (start + processed) % n;
  const podName = `${info.namespace}/${info.name}`;

  if (feasible.length === 0) {
    const policy = info.pod.spec?.preemptionPolicy === 'Never' ? 'never' : 'victims';
    const record: DecisionRecord = {
      pod: podName, nodesInCluster: n, numNodesToFind: numToFind, startIndex: start, skippedFilters: skipped, rejected,
      scored: { nodes: [], plugins: profile.scores.map((s) => s.plugin.name), weights: profile.scores.map((s) => s.weight), scores: [], totals: [] },
      chosen: undefined,
    };
    const message = unschedulableMessage(n, rejected, profile.preemptionMessage ? policy : 'none');
    return { type: 'Unschedulable', unschedulable: true, message, record, nextStartIndex };
  }

  const scored = scoreNodes(info, snapshot, feasible, profile);
  let best = -Infinity;
  let ties = 0;
  for (const t of scored.totals) {
    if (t > best) { best = t; ties = 1; }
    else if (t === best) ties++;
  }
  let pick = (input.seed ?? hashString(info.key)) % ties;
  let chosen = 0;
  for (let i = 0; i < scored.totals.length; i++)
    if (scored.totals[i] === best && pick-- === 0) { chosen = i; break; }
  const nodeName = feasible[chosen].name;
  const record: DecisionRecord = {
    pod: podName, nodesInCluster: n, numNodesToFind: numToFind, startIndex: start, skippedFilters: skipped, rejected, scored, chosen: nodeName,
  };
  return { type: 'Scheduled', nodeName, record, nextStartIndex };
}

/** Score the feasible sample with every weighted score plugin (normalized 0..100) and total them. */
export function scoreNodes(pod: PodInfo, snapshot: ClusterSnapshot, feasible: readonly NodeInfo[], profile: Profile): ScoreTable {
  const m = feasible.length;
  const totals = new Array<number>(m).fill(0);
  const scores: number[][] = [];
  for (const { plugin, weight } of profile.scores) {
    const row = new Array<number>(m).fill(0);
    const state = plugin.prepare ? plugin.prepare(pod, snapshot, feasible) : undefined;
    if (state !== SKIP) {
      for (let i = 0; i < m; i++) row[i] = plugin.score(pod, feasible[i], state);
      plugin.normalize?.(row, state, feasible);
      for (let i = 0; i < m; i++) totals[i] += row[i] * weight;
    }
    scores.push(row);
  }
  return {
    nodes: feasible.map((f) => f.name),
    plugins: profile.scores.map((s) => s.plugin.name),
    weights: profile.scores.map((s) => s.weight),
    scores,
    totals,
  };
}

/** "Why is this pod on (or not on) this node?", answered from a stored record. */
export function explainNode(record: DecisionRecord, nodeName: string):
  | { readonly verdict: 'rejected'; readonly plugin: string; readonly reasons: readonly string[] }
  | { readonly verdict: 'scored'; readonly chosen: boolean; readonly total: number; readonly scores: Readonly<Record<string, number>> }
  | { readonly verdict: 'not evaluated' } {
  const r = record.rejected.find((x) => x.node === nodeName);
  if (r) return { verdict: 'rejected', plugin: r.plugin, reasons: r.reasons };
  const i = record.scored.nodes.indexOf(nodeName);
  if (i < 0) return { verdict: 'not evaluated' };
  const scores: Record<string, number> = {};
  record.scored.plugins.forEach((p, k) => (scores[p] = record.scored.scores[k][i]));
  return { verdict: 'scored', chosen: record.chosen === nodeName, total: record.scored.totals[i], scores };
}
