/**
 * From the metrics' recommendation to the replica count the autoscaler sets (horizontal.go
 * normalizeDesiredReplicas and normalizeDesiredReplicasWithBehaviors): stabilization over recent
 * recommendations, then the limits — [minReplicas, maxReplicas] and the scale rate. Without a
 * `behavior` the rate is upstream's fixed one (at most max(2 × current, 4)) and scale down is
 * stabilized over the controller's window; with one, each direction's window and policies apply,
 * counting the scale changes made within each policy's period.
 *
 * Pure: the memory of past recommendations and changes comes in and the updated memory goes out.
 */
import type { AutoscalerMemory, ScaleChange, ScalingRules, TimestampedRecommendation } from './types';

export interface Limited {
  readonly replicas: number;
  /** AbleToScale's reason/message for the stabilization step. */
  readonly stabilized: { readonly reason: string; readonly message: string };
  /** ScalingLimited: True when the limits changed the stabilized count. */
  readonly limited: { readonly status: 'True' | 'False'; readonly reason: string; readonly message: string };
  readonly memory: AutoscalerMemory;
}

export interface NormalizeInput {
  readonly currentReplicas: number;
  readonly desiredReplicas: number;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  /** spec.behavior, defaulted (both halves set) — or undefined for the legacy rules. */
  readonly behavior?: { readonly scaleUp: ScalingRules; readonly scaleDown: ScalingRules };
  readonly downscaleStabilizationSeconds: number;
}

const READY = { reason: 'ReadyForNewScale', message: 'recommended size matches current size' };
const WITHIN = { reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' };

export function normalizeDesiredReplicas(input: NormalizeInput, memory: AutoscalerMemory, now: number): Limited {
  return input.behavior ? withBehavior(input, input.behavior, memory, now) : legacy(input, memory, now);
}

/** Replaces the oldest expired recommendation (upstream reuses the last one found) or appends. */
function record(recs: readonly TimestampedRecommendation[], expired: number, replicas: number, now: number): TimestampedRecommendation[] {
  const next = [...recs];
  const entry = { replicas, at: now };
  if (expired >= 0) next[expired] = entry;
  else next.push(entry);
  return next;
}

function legacy(a: NormalizeInput, memory: AutoscalerMemory, now: number): Limited {
  const cutoff = now - a.downscaleStabilizationSeconds * 1000;
  let stabilized = a.desiredReplicas;
  let expired = -1;
  memory.recommendations.forEach((r, i) => {
    if (r.at < cutoff) expired = i;
    else if (r.replicas > stabilized) stabilized = r.replicas;
  });
  const recommendations = record(memory.recommendations, expired, a.desiredReplicas, now);
  const stabilizedReason = stabilized !== a.desiredReplicas
    ? { reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' }
    : READY;
  // convertDesiredReplicasWithRules
  const scaleUpLimit = Math.max(2 * a.currentReplicas, 4);
  let maxAllowed: number;
  let limiting: { reason: string; message: string };
  if (a.maxReplicas > scaleUpLimit) {
    maxAllowed = scaleUpLimit;
    limiting = { reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate' };
  } else {
    maxAllowed = a.maxReplicas;
    limiting = { reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count' };
  }
  let replicas = stabilized;
  let reason = WITHIN;
  if (stabilized < a.minReplicas) {
    replicas = a.minReplicas;
    reason = { reason: 'TooFewReplicas', message: 'the desired replica count is less than the minimum replica count' };
  } else if (stabilized > maxAllowed) {
    replicas = maxAllowed;
    reason = limiting;
  }
  return {
    replicas, stabilized: stabilizedReason,
    limited: { status: replicas === stabilized ? 'False' : 'True', ...reason },
    memory: { ...memory, recommendations },
  };
}

function withBehavior(a: NormalizeInput, b: NonNullable<NormalizeInput['behavior']>, memory: AutoscalerMemory, now: number): Limited {
  const upCutoff = now - (b.scaleUp.stabilizationWindowSeconds ?? 0) * 1000;
  const downCutoff = now - (b.scaleDown.stabilizationWindowSeconds ?? a.downscaleStabilizationSeconds) * 1000;
  let up = a.desiredReplicas;
  let down = a.desiredReplicas;
  let expired = -1;
  memory.recommendations.forEach((r, i) => {
    if (r.at > upCutoff) up = Math.min(r.replicas, up);
    if (r.at > downCutoff) down = Math.max(r.replicas, down);
    if (r.at < upCutoff && r.at < downCutoff) expired = i;
  });
  let stabilized = a.currentReplicas;
  if (stabilized < up) stabilized = up;
  if (stabilized > down) stabilized = down;
  const recommendations = record(memory.recommendations, expired, a.desiredReplicas, now);
  const stabilizedReason = stabilized === a.desiredReplicas ? READY
    : a.desiredReplicas >= a.currentReplicas
      ? { reason: 'ScaleUpStabilized', message: 'recent recommendations were lower than current one, applying the lowest recent recommendation' }
      : { reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' };
  // convertDesiredReplicasWithBehaviorRate
  let replicas = stabilized;
  let reason = WITHIN;
  if (stabilized > a.currentReplicas) {
    const limit = Math.max(scaleUpLimit(a.currentReplicas, memory, b.scaleUp, now), a.currentReplicas);
    const [maxAllowed, limiting] = a.maxReplicas > limit
      ? [limit, { reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate' }]
      : [a.maxReplicas, { reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count' }];
    if (stabilized > maxAllowed) { replicas = maxAllowed; reason = limiting; }
  } else if (stabilized < a.currentReplicas) {
    const limit = Math.min(scaleDownLimit(a.currentReplicas, memory, b.scaleDown, now), a.currentReplicas);
    const [minAllowed, limiting] = a.minReplicas < limit
      ? [limit, { reason: 'ScaleDownLimit', message: 'the desired replica count is decreasing faster than the maximum scale rate' }]
      : [a.minReplicas, { reason: 'TooFewReplicas', message: 'the desired replica count is less than the minimum replica count' }];
    if (stabilized < minAllowed) { replicas = minAllowed; reason = limiting; }
  }
  return {
    replicas, stabilized: stabilizedReason,
    limited: { status: replicas === stabilized ? 'False' : 'True', ...reason },
    memory: { ...memory, recommendations },
  };
}

/** getReplicasChangePerPeriod. */
const changedWithin = (periodSeconds: number, events: readonly ScaleChange[], now: number) =>
  events.filter((e) => e.at > now - periodSeconds * 1000).reduce((n, e) => n + e.change, 0);

function periodStart(current: number, memory: AutoscalerMemory, periodSeconds: number, now: number): number {
  return current - changedWithin(periodSeconds, memory.scaleUps, now) + changedWithin(periodSeconds, memory.scaleDowns, now);
}

/** calculateScaleUpLimitWithScalingRules. */
export function scaleUpLimit(current: number, memory: AutoscalerMemory, rules: ScalingRules, now: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const proposals = (rules.policies ?? []).map((p) => {
    const start = periodStart(current, memory, p.periodSeconds, now);
    return p.type === 'Pods' ? start + p.value : Math.ceil(start * (1 + p.value / 100));
  });
  if (!proposals.length) return current;
  return rules.selectPolicy === 'Min' ? Math.min(...proposals) : Math.max(...proposals);
}

/** calculateScaleDownLimitWithBehaviors. */
export function scaleDownLimit(current: number, memory: AutoscalerMemory, rules: ScalingRules, now: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const proposals = (rules.policies ?? []).map((p) => {
    const start = periodStart(current, memory, p.periodSeconds, now);
    return p.type === 'Pods' ? start - p.value : Math.trunc(start * (1 - p.value / 100));
  });
  if (!proposals.length) return current;
  return rules.selectPolicy === 'Min' ? Math.max(...proposals) : Math.min(...proposals);
}

/**
 * storeScaleEvent: a change is remembered only when the HorizontalPodAutoscaler has a behavior
 * (the legacy rules do not count them); changes older than the longest policy period are dropped.
 */
export function rememberScale(memory: AutoscalerMemory, behavior: NormalizeInput['behavior'], from: number, to: number, now: number): AutoscalerMemory {
  if (!behavior || from === to) return memory;
  const longest = (rules: ScalingRules) => Math.max(0, ...(rules.policies ?? []).map((p) => p.periodSeconds)) * 1000;
  const keep = (events: readonly ScaleChange[], rules: ScalingRules) => events.filter((e) => e.at > now - longest(rules));
  const scaleUps = keep(memory.scaleUps, behavior.scaleUp);
  const scaleDowns = keep(memory.scaleDowns, behavior.scaleDown);
  return to > from
    ? { ...memory, scaleUps: [...scaleUps, { change: to - from, at: now }], scaleDowns }
    : { ...memory, scaleUps, scaleDowns: [...scaleDowns, { change: from - to, at: now }] };
}
