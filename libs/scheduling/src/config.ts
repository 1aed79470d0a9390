import type { FilterPlugin, ScorePlugin } from './framework';
import { balancedAllocation } from './plugins/balanced-allocation';
import { InterPodAffinity } from './plugins/inter-pod-affinity';
import { interPodAffinityScore } from './plugins/inter-pod-affinity-score';
import { NodeAffinity } from './plugins/node-affinity';
import { NodeAffinityScore } from './plugins/node-affinity-score';
import { NodeName } from './plugins/node-name';
import { NodePorts } from './plugins/node-ports';
import { NodeReady } from './plugins/node-ready';
import { NodeResourcesFit } from './plugins/node-resources-fit';
import { nodeResourcesFitScore, ScoringStrategy } from './plugins/node-resources-fit-score';
import { NodeUnschedulable } from './plugins/node-unschedulable';
import { PodTopologySpread } from './plugins/pod-topology-spread';
import { podTopologySpreadScore } from './plugins/pod-topology-spread-score';
import type { ResourceWeight } from './plugins/resource-allocation';
import { TaintToleration } from './plugins/taint-toleration';
import { TaintTolerationScore } from './plugins/taint-toleration-score';
import { VolumeBinding } from './plugins/volume-binding';

export type FilterPluginName =
  | 'NodeUnschedulable' | 'NodeName' | 'NodeReady' | 'TaintToleration' | 'NodeAffinity'
  | 'NodePorts' | 'NodeResourcesFit' | 'VolumeBinding' | 'PodTopologySpread' | 'InterPodAffinity';
export type ScorePluginName =
  | 'NodeResourcesFit' | 'NodeResourcesBalancedAllocation' | 'NodeAffinity' | 'TaintToleration'
  | 'InterPodAffinity' | 'PodTopologySpread';

/** Scheduler configuration (the subset of KubeSchedulerConfiguration Wake honours). */
export interface SchedulerConfig {
  /** 1..100 = fixed percentage; 0 or unset = kube-scheduler's adaptive default (50% at 100 nodes down to 5%, never below 100 nodes). */
  readonly percentageOfNodesToScore?: number;
  /** NodeResourcesFit scoring: spread (LeastAllocated, default) or bin-pack (MostAllocated). */
  readonly scoringStrategy?: ScoringStrategy;
  /** Resources and weights NodeResourcesFit and BalancedAllocation score (default cpu:1, memory:1). */
  readonly scoredResources?: readonly ResourceWeight[];
  /** Score plugin weights; 0 disables. Defaults as kube-scheduler's default profile. */
  readonly weights?: Readonly<Partial<Record<ScorePluginName, number>>>;
  readonly disabledFilters?: readonly FilterPluginName[];
  /** Weight of existing pods' required affinity in InterPodAffinity scoring (default 1). */
  readonly hardPodAffinityWeight?: number;
  /** Spread pods of the same controller over hostname and zone when they declare no constraints (default true). */
  readonly defaultTopologySpread?: boolean;
  /** Append kube-scheduler's preemption sentence to unschedulable messages (default true; Wake does not preempt). */
  readonly preemptionMessage?: boolean;
}

export const DEFAULT_WEIGHTS: Readonly<Record<ScorePluginName, number>> = {
  NodeResourcesFit: 1,
  NodeResourcesBalancedAllocation: 1,
  NodeAffinity: 2,
  TaintToleration: 3,
  InterPodAffinity: 2,
  PodTopologySpread: 2,
};

/* eslint-disable @typescript-eslint/no-explicit-any */
/** A configuration turned into plugin instances; built once per config object. */
export interface Profile {
  readonly filters: readonly FilterPlugin<any>[];
  readonly scores: readonly { readonly plugin: ScorePlugin<any>; readonly weight: number }[];
  readonly percentageOfNodesToScore: number;
  readonly preemptionMessage: boolean;
}

const FILTER_ORDER: readonly FilterPlugin<any>[] = [
  NodeUnschedulable, NodeName, NodeReady, TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit, VolumeBinding, PodTopologySpread, InterPodAffinity,
];

const profiles = new WeakMap<SchedulerConfig, Profile>();

export function compileProfile(config: SchedulerConfig = {}): Profile {
  const cached = profiles.get(config);
  if (cached) return cached;
  const weights = { ...DEFAULT_WEIGHTS, ...config.weights };
  const scorePlugins: Record<ScorePluginName, ScorePlugin<any>> = {
    NodeResourcesFit: nodeResourcesFitScore(config.scoringStrategy, config.scoredResources),
    NodeResourcesBalancedAllocation: balancedAllocation(config.scoredResources),
    NodeAffinity: NodeAffinityScore,
    TaintToleration: TaintTolerationScore,
    InterPodAffinity: interPodAffinityScore(config.hardPodAffinityWeight ?? 1),
    PodTopologySpread: podTopologySpreadScore(config.defaultTopologySpread ?? true),
  };
  const disabled = new Set<string>(config.disabledFilters ?? []);
  const profile: Profile = {
    filters: FILTER_ORDER.filter((f) => !disabled.has(f.name)),
    scores: (Object.keys(scorePlugins) as ScorePluginName[]).filter((n) => weights[n] > 0).map((n) => ({ plugin: scorePlugins[n], weight: weights[n] })),
    percentageOfNodesToScore: config.percentageOfNodesToScore ?? 0,
    preemptionMessage: config.preemptionMessage ?? true,
  };
  profiles.set(config, profile);
  return profile;
}

export const MIN_FEASIBLE_NODES_TO_FIND = 100;
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/** kube-scheduler's numFeasibleNodesToFind: how many feasible nodes are enough to stop filtering. */
export function numFeasibleNodesToFind(percentageOfNodesToScore: number, numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND || percentageOfNodesToScore >= 100) return numAllNodes;
  let percentage = percentageOfNodesToScore;
  if (percentage <= 0) {
    percentage = 50 - Math.trunc(numAllNodes / 125);
    if (percentage < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) percentage = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
  }
  const n = Math.trunc((numAllNodes * percentage) / 100);
  return n < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : n;
}
