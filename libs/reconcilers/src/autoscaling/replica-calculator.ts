/**
 * The replica calculator for resource metrics (kubernetes pkg/controller/podautoscaler
 * replica_calculator.go, GetResourceReplicas and GetRawResourceReplicas): from the target's pods,
 * their requests and their measured usage, the replica count that brings usage to the target.
 *
 * Pods being deleted, Failed or Pending are ignored; a pod without a sample is "missing"; for cpu,
 * a pod that is not ready — or within its cpu initialization period with a sample taken before one
 * window after it became ready — is "unready". The ratio is first computed over the ready pods with
 * samples; when it says scale up while pods are unready, or when samples are missing, it is computed
 * again conservatively (missing pods at 100% of their request on a scale down and at 0 on a scale up,
 * unready pods at 0), and a result that changes direction or falls within the tolerance changes nothing.
 */
import { millis } from '../common/time';
import type { Pod } from '../common/wire';
import { readyCondition } from '../common/pod-state';
import type { AutoscalerSettings, PodMetric } from './types';

export type ResourceName = 'cpu' | 'memory';

export interface ReplicaProposal {
  readonly replicas: number;
  /** Percent of request (Utilization targets only). */
  readonly utilization?: number;
  /** The average usage per pod in milli-units. */
  readonly rawAverageMilli: number;
}

export type ReplicaResult = { readonly ok: true; readonly proposal: ReplicaProposal } | { readonly ok: false; readonly error: string };

interface Grouped {
  readyCount: number;
  unready: Set<string>;
  missing: Set<string>;
  ignored: Set<string>;
}

/** groupPods. */
export function groupPods(pods: readonly Pod[], metrics: ReadonlyMap<string, PodMetric>, resource: ResourceName, s: AutoscalerSettings, now: Date): Grouped {
  const g: Grouped = { readyCount: 0, unready: new Set(), missing: new Set(), ignored: new Set() };
  for (const pod of pods) {
    const name = pod.metadata?.name ?? '';
    const phase = pod.status?.phase;
    if (pod.metadata?.deletionTimestamp || phase === 'Failed' || phase === 'Pending' || !phase) { g.ignored.add(name); continue; }
    const metric = metrics.get(name);
    if (!metric) { g.missing.add(name); continue; }
    if (resource === 'cpu') {
      const cond = readyCondition(pod);
      const start = millis(pod.status?.startTime);
      let unready: boolean;
      if (!cond || start === undefined) unready = true;
      else {
        const transition = millis(cond.lastTransitionTime) ?? 0;
        if (start + s.cpuInitializationPeriodSeconds * 1000 > now.getTime()) {
          unready = cond.status === 'False' || metric.timestamp < transition + metric.windowMs;
        } else {
          unready = cond.status === 'False' && start + s.initialReadinessDelaySeconds * 1000 > transition;
        }
      }
      if (unready) { g.unready.add(name); continue; }
    }
    g.readyCount++;
  }
  return g;
}

/** calculatePodRequests: each pod's summed container requests (milli), or the first container without one. */
export function podRequests(pods: readonly Pod[], resource: ResourceName, parse: (q: string | number) => number | undefined): { ok: true; requests: Map<string, number> } | { ok: false; error: string } {
  const requests = new Map<string, number>();
  for (const pod of pods) {
    let sum = 0;
    for (const c of pod.spec?.containers ?? []) {
      const q = c.resources?.requests?.[resource];
      const v = q === undefined ? undefined : parse(q);
      if (v === undefined) return { ok: false, error: `missing request for ${resource} in container ${c.name} of Pod ${pod.metadata?.name ?? ''}` };
      sum += Math.ceil(v * 1000 - 1e-9);
    }
    requests.set(pod.metadata?.name ?? '', sum);
  }
  return { ok: true, requests };
}

const usageOf = (m: PodMetric, resource: ResourceName) => (resource === 'cpu' ? m.cpuMilli : m.memoryMilli);

/** metricsclient.GetResourceUtilizationRatio. */
function utilizationRatio(usage: ReadonlyMap<string, number>, requests: ReadonlyMap<string, number>, target: number) {
  let total = 0;
  let requested = 0;
  let n = 0;
  for (const [name, value] of usage) {
    const r = requests.get(name);
    if (r === undefined) continue;
    total += value;
    requested += r;
    n++;
  }
  if (requested === 0) return undefined;
  const utilization = Math.trunc((total * 100) / requested);
  return { ratio: utilization / target, utilization, rawAverage: Math.trunc(total / n) };
}

/** metricsclient.GetMetricUsageRatio (an AverageValue target, milli-units per pod). */
function usageRatio(usage: ReadonlyMap<string, number>, targetMilli: number) {
  let total = 0;
  for (const v of usage.values()) total += v;
  const average = Math.trunc(total / usage.size);
  return { ratio: average / targetMilli, rawAverage: average };
}

export interface ResourceTarget {
  readonly resource: ResourceName;
  /** Percent of request, or the per-pod average in milli-units. */
  readonly utilization?: number;
  readonly averageMilli?: number;
}

/** GetResourceReplicas / GetRawResourceReplicas. */
export function resourceReplicas(
  currentReplicas: number, pods: readonly Pod[], metrics: ReadonlyMap<string, PodMetric>, target: ResourceTarget,
  parse: (q: string | number) => number | undefined, s: AutoscalerSettings, now: Date,
): ReplicaResult {
  const { resource } = target;
  if (metrics.size === 0) return { ok: false, error: `unable to get metrics for resource ${resource}: no metrics returned from resource metrics API` };
  if (pods.length === 0) return { ok: false, error: 'no pods returned by selector while calculating replica count' };
  const g = groupPods(pods, metrics, resource, s, now);
  const usage = new Map<string, number>();
  for (const pod of pods) {
    const name = pod.metadata?.name ?? '';
    const m = metrics.get(name);
    if (m && !g.ignored.has(name) && !g.unready.has(name)) usage.set(name, usageOf(m, resource));
  }
  if (usage.size === 0) return { ok: false, error: `did not receive metrics for targeted pods (pods might be unready)` };
  const utilizationTarget = target.utilization;
  let requests = new Map<string, number>();
  if (utilizationTarget !== undefined) {
    const r = podRequests(pods, resource, parse);
    if (!r.ok) return r;
    requests = r.requests;
  }
  const ratioOf = (u: ReadonlyMap<string, number>) => {
    if (utilizationTarget !== undefined) return utilizationRatio(u, requests, utilizationTarget);
    return { ...usageRatio(u, target.averageMilli ?? 1), utilization: undefined };
  };
  const first = ratioOf(usage);
  if (!first) return { ok: false, error: 'no metrics returned matched known pods' };
  const done = (replicas: number): ReplicaResult => ({ ok: true, proposal: { replicas, utilization: first.utilization, rawAverageMilli: first.rawAverage } });
  // only cpu marks pods unready
  const scaleUpWithUnready = g.unready.size > 0 && first.ratio > 1;
  if (!scaleUpWithUnready && g.missing.size === 0) {
    if (Math.abs(1 - first.ratio) <= s.tolerance) return done(currentReplicas);
    return done(Math.ceil(first.ratio * g.readyCount));
  }
  for (const name of g.missing) {
    if (utilizationTarget !== undefined) {
      // on a scale down a missing pod counts as using all of its request (or the target, when higher); on a scale up, nothing
      if (first.ratio < 1) usage.set(name, Math.trunc(((requests.get(name) ?? 0) * Math.max(100, utilizationTarget)) / 100));
      else if (first.ratio > 1) usage.set(name, 0);
    } else {
      usage.set(name, first.ratio < 1 ? (target.averageMilli ?? 0) : 0);
    }
  }
  if (scaleUpWithUnready) for (const name of g.unready) usage.set(name, 0);
  const second = ratioOf(usage);
  if (!second) return { ok: false, error: 'no metrics returned matched known pods' };
  if (Math.abs(1 - second.ratio) <= s.tolerance || (first.ratio < 1 && second.ratio > 1) || (first.ratio > 1 && second.ratio < 1)) return done(currentReplicas);
  const proposed = Math.ceil(second.ratio * usage.size);
  if ((second.ratio < 1 && proposed > currentReplicas) || (second.ratio > 1 && proposed < currentReplicas)) return done(currentReplicas);
  return done(proposed);
}
