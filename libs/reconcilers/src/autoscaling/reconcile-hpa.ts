/**
 * The horizontal pod autoscaler for one HorizontalPodAutoscaler (kubernetes
 * pkg/controller/podautoscaler horizontal.go `reconcileAutoscaler`), for Resource metrics: the
 * target's scale, a replica count per metric (the largest wins), normalized by stabilization and
 * rate limits, written to the target's spec.replicas; then the status (currentReplicas,
 * desiredReplicas, currentMetrics, lastScaleTime, conditions AbleToScale / ScalingActive /
 * ScalingLimited) and core/v1 Events (SuccessfulRescale, FailedGetScale, FailedGetResourceMetric,
 * FailedComputeMetricsReplicas).
 *
 * Pure: the target, the namespace's pods and the pods' samples are read by the shell; the memory
 * of past recommendations comes in and goes out with the actions.
 */
import { isDeepStrictEqual } from 'node:util';
import { parseQuantity } from '@wake/api';
import { event, seqOf, type Action } from '../common/action';
import { selectorMatches } from '../common/label-selector';
import { rfc3339 } from '../common/time';
import type { AnyObject, LabelSelector, Pod } from '../common/wire';
import { resourceMetricStatus } from './metric-status';
import { normalizeDesiredReplicas, rememberScale } from './normalize';
import { resourceReplicas, type ResourceName } from './replica-calculator';
import type {
  AutoscalerMemory, AutoscalerSettings, HorizontalPodAutoscaler, HpaCondition, HpaStatus, MetricSpec, MetricStatus, PodMetric, ScalingRules,
} from './types';

/** The kinds whose scale the autoscaler sets (group apps): the `scale` subresource's kinds in Wake. */
export const SCALABLE_KINDS = ['Deployment', 'ReplicaSet', 'StatefulSet'] as const;

export interface AutoscalerObserved {
  /** The scale target, when it exists. */
  readonly target?: AnyObject;
  /** The pods of the HorizontalPodAutoscaler's namespace. */
  readonly pods: readonly Pod[];
  /** The latest sample of each pod the node agents reported (by pod name). */
  readonly metrics: ReadonlyMap<string, PodMetric>;
}

export interface AutoscalerResult {
  readonly actions: Action[];
  readonly memory: AutoscalerMemory;
}

type ConditionType = 'AbleToScale' | 'ScalingActive' | 'ScalingLimited';

/** The kind/name the scaleTargetRef names, checked against what Wake can scale. */
export function targetError(hpa: HorizontalPodAutoscaler, target: AnyObject | undefined): string | undefined {
  const ref = hpa.spec?.scaleTargetRef;
  const group = (ref?.apiVersion ?? '').split('/').slice(0, -1).join('/');
  if (!ref || !(SCALABLE_KINDS as readonly string[]).includes(ref.kind) || (ref.apiVersion && group !== 'apps')) {
    return `no matches for kind "${ref?.kind ?? ''}" in group "${group}": Wake scales Deployments, ReplicaSets and StatefulSets (apps/v1)`;
  }
  if (!target) return `${ref.kind.toLowerCase()}s.apps "${ref.name}" not found`;
  return undefined;
}

export function reconcileHorizontalPodAutoscaler(
  hpa: HorizontalPodAutoscaler, observed: AutoscalerObserved, memory: AutoscalerMemory, settings: AutoscalerSettings, now: Date,
): AutoscalerResult {
  if (hpa.metadata?.deletionTimestamp) return { actions: [], memory };
  const old: HpaStatus = hpa.status ?? { desiredReplicas: 0 };
  let conditions: HpaCondition[] = [...(old.conditions ?? [])];
  const set = (type: ConditionType, status: 'True' | 'False', reason: string, message: string) => {
    const i = conditions.findIndex((c) => c.type === type);
    const prev = i >= 0 ? conditions[i] : undefined;
    const next: HpaCondition = { type, status, reason, message, lastTransitionTime: prev && prev.status === status ? prev.lastTransitionTime : rfc3339(now) };
    conditions = i >= 0 ? conditions.map((c, j) => (j === i ? next : c)) : [...conditions, next];
  };
  const warnings: Action[] = [];
  const finish = (status: HpaStatus, before: Action[] = [], mem = memory): AutoscalerResult => {
    const next = { ...status, conditions };
    if (isDeepStrictEqual(next, { ...old, conditions: old.conditions ?? [] })) return { actions: before, memory: mem };
    return {
      actions: [...before, ...warnings, { type: 'updateStatus', object: { ...hpa, status: next }, expectSeq: seqOf(hpa), intent: 'StatusUpdated' }],
      memory: mem,
    };
  };

  const spec = hpa.spec!;
  const err = targetError(hpa, observed.target);
  if (err) {
    warnings.push(event(hpa, 'Warning', 'FailedGetScale', err));
    set('AbleToScale', 'False', 'FailedGetScale', `the HPA controller was unable to get the target's current scale: ${err}`);
    return finish(old);
  }
  const target = observed.target!;
  set('AbleToScale', 'True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale");
  const currentReplicas = (target.spec as { replicas?: number } | undefined)?.replicas ?? 1;
  const behavior = spec.behavior ? { scaleUp: spec.behavior.scaleUp as ScalingRules, scaleDown: spec.behavior.scaleDown as ScalingRules } : undefined;
  const minReplicas = spec.minReplicas ?? 1;
  const statusWith = (desired: number, metrics: MetricStatus[] | undefined, rescaled: boolean): HpaStatus => ({
    ...(rescaled ? { lastScaleTime: rfc3339(now) } : old.lastScaleTime ? { lastScaleTime: old.lastScaleTime } : {}),
    currentReplicas, desiredReplicas: desired,
    ...(metrics?.length ? { currentMetrics: metrics } : {}),
  });

  let desired = 0;
  let reason = '';
  let metricStatuses: MetricStatus[] | undefined;
  let mem = memory;
  if (currentReplicas === 0 && minReplicas !== 0) {
    set('ScalingActive', 'False', 'ScalingDisabled', 'scaling is disabled since the replica count of the target is zero');
    return finish(statusWith(0, undefined, false));
  } else if (currentReplicas > spec.maxReplicas) {
    reason = 'Current number of replicas above Spec.MaxReplicas';
    desired = spec.maxReplicas;
  } else if (currentReplicas < minReplicas) {
    reason = 'Current number of replicas below Spec.MinReplicas';
    desired = minReplicas;
  } else {
    const selector = (target.spec as { selector?: LabelSelector } | undefined)?.selector;
    const pods = observed.pods.filter((p) => selectorMatches(selector, p.metadata?.labels as Record<string, string> | undefined));
    const computed = replicasForMetrics(spec.metrics ?? [], currentReplicas, pods, observed.metrics, settings, now);
    metricStatuses = computed.statuses;
    for (const w of computed.warnings) warnings.push(event(hpa, 'Warning', w.reason, w.message));
    if (computed.failed) {
      set('ScalingActive', 'False', computed.failed.reason, computed.failed.message);
      warnings.push(event(hpa, 'Warning', 'FailedComputeMetricsReplicas', computed.failed.error));
      return finish(statusWith(old.desiredReplicas ?? 0, metricStatuses, false));
    }
    set('ScalingActive', 'True', 'ValidMetricFound', `the HPA was able to successfully calculate a replica count from ${computed.metric}`);
    desired = computed.replicas;
    if (desired > currentReplicas) reason = `${computed.metric} above target`;
    if (desired < currentReplicas) reason = 'All metrics below target';
    const n = normalizeDesiredReplicas({
      currentReplicas, desiredReplicas: desired, minReplicas, maxReplicas: spec.maxReplicas, behavior,
      downscaleStabilizationSeconds: settings.downscaleStabilizationSeconds,
    }, memory, now.getTime());
    set('AbleToScale', 'True', n.stabilized.reason, n.stabilized.message);
    set('ScalingLimited', n.limited.status, n.limited.reason, n.limited.message);
    desired = n.replicas;
    mem = n.memory;
  }
  if (desired === currentReplicas) return finish(statusWith(currentReplicas, metricStatuses, false), [], mem);
  mem = rememberScale(mem, behavior, currentReplicas, desired, now.getTime());
  set('AbleToScale', 'True', 'SucceededRescale', `the HPA controller was able to update the target scale to ${desired}`);
  const scale: Action[] = [
    { type: 'update', object: { ...target, spec: { ...(target.spec as object), replicas: desired } }, expectSeq: seqOf(target), intent: 'Scaled' },
    event(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${reason}`),
  ];
  return finish(statusWith(desired, metricStatuses, true), scale, mem);
}

interface ForMetrics {
  readonly replicas: number;
  readonly metric: string;
  readonly statuses: MetricStatus[];
  readonly warnings: { reason: string; message: string }[];
  readonly failed?: { reason: string; message: string; error: string };
}

/** computeReplicasForMetrics: the largest proposal; fails when every metric failed, or some did and the rest would scale down. */
function replicasForMetrics(
  specs: readonly MetricSpec[], currentReplicas: number, pods: readonly Pod[], metrics: ReadonlyMap<string, PodMetric>,
  settings: AutoscalerSettings, now: Date,
): ForMetrics {
  const statuses: MetricStatus[] = specs.map(() => ({ type: '' }));
  const warnings: { reason: string; message: string }[] = [];
  const podNames = new Set(pods.map((p) => p.metadata?.name ?? ''));
  const selected = new Map([...metrics].filter(([name]) => podNames.has(name)));
  let replicas = 0;
  let metric = '';
  let invalid = 0;
  let first: { reason: string; message: string; error: string } | undefined;
  specs.forEach((spec, i) => {
    const res = spec.resource;
    const name = (res?.name ?? '') as ResourceName;
    const utilization = res?.target?.averageUtilization;
    const averageValue = res?.target?.averageValue;
    const result = spec.type === 'Resource' && res
      ? resourceReplicas(currentReplicas, pods, selected, {
        resource: name, utilization: utilization ?? undefined,
        averageMilli: averageValue != null ? Math.ceil((parseQuantity(averageValue) ?? 0) * 1000 - 1e-9) : undefined,
      }, parseQuantity, settings, now)
      : { ok: false as const, error: `metric type ${spec.type} is not supported by Wake` };
    if (!result.ok) {
      const inner = utilization != null || averageValue == null ? `failed to get ${name} utilization: ${result.error}` : `failed to get ${name} usage: ${result.error}`;
      warnings.push({ reason: 'FailedGetResourceMetric', message: inner });
      invalid++;
      first ??= { reason: 'FailedGetResourceMetric', message: `the HPA was unable to compute the replica count: ${inner}`, error: `failed to get ${name} resource metric value: ${inner}` };
      return;
    }
    statuses[i] = resourceMetricStatus(name, result.proposal.rawAverageMilli, averageValue == null ? result.proposal.utilization : undefined);
    const label = averageValue == null ? `${name} resource utilization (percentage of request)` : `${name} resource`;
    if (replicas === 0 || result.proposal.replicas > replicas) {
      replicas = result.proposal.replicas;
      metric = label;
    }
  });
  if (first && (invalid >= specs.length || replicas < currentReplicas)) {
    return { replicas: -1, metric: '', statuses, warnings, failed: { ...first, error: `invalid metrics (${invalid} invalid out of ${specs.length}), first error is: ${first.error}` } };
  }
  return { replicas, metric, statuses, warnings };
}
