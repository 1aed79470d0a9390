import type { V2HorizontalPodAutoscaler } from '@kubernetes/client-node';
import type { Wire } from '../common/wire';

export type HorizontalPodAutoscaler = Wire<V2HorizontalPodAutoscaler>;
export type HpaStatus = NonNullable<HorizontalPodAutoscaler['status']>;
export type HpaCondition = NonNullable<HpaStatus['conditions']>[number];
export type MetricSpec = NonNullable<NonNullable<HorizontalPodAutoscaler['spec']>['metrics']>[number];
export type MetricStatus = NonNullable<HpaStatus['currentMetrics']>[number];
export type ScalingRules = NonNullable<NonNullable<NonNullable<HorizontalPodAutoscaler['spec']>['behavior']>['scaleUp']>;

/** One pod's usage as the node agents measured it (metrics.k8s.io PodMetrics, summed over containers). */
export interface PodMetric {
  /** Summed usage in milli-units: millicores for cpu, milli-bytes for memory (as upstream's MilliValue). */
  readonly cpuMilli: number;
  readonly memoryMilli: number;
  /** When the sample was taken (ms) and over how long its rate was computed (ms). */
  readonly timestamp: number;
  readonly windowMs: number;
}

/** The autoscaler's settings (kube-controller-manager's --horizontal-pod-autoscaler-* flags). */
export interface AutoscalerSettings {
  /** --horizontal-pod-autoscaler-tolerance (0.1). */
  readonly tolerance: number;
  /** --horizontal-pod-autoscaler-downscale-stabilization (300 s): the window when a HorizontalPodAutoscaler sets no behavior. */
  readonly downscaleStabilizationSeconds: number;
  /** --horizontal-pod-autoscaler-cpu-initialization-period (300 s). */
  readonly cpuInitializationPeriodSeconds: number;
  /** --horizontal-pod-autoscaler-initial-readiness-delay (30 s). */
  readonly initialReadinessDelaySeconds: number;
}

export const DEFAULT_AUTOSCALER_SETTINGS: AutoscalerSettings = {
  tolerance: 0.1, downscaleStabilizationSeconds: 300, cpuInitializationPeriodSeconds: 300, initialReadinessDelaySeconds: 30,
};

/** A past recommendation or scale change, kept in the controller's memory (upstream keeps them in memory too). */
export interface TimestampedRecommendation { readonly replicas: number; readonly at: number }
export interface ScaleChange { readonly change: number; readonly at: number }

/** What the autoscaler remembers of one HorizontalPodAutoscaler between syncs (lost on restart, as upstream's). */
export interface AutoscalerMemory {
  readonly recommendations: readonly TimestampedRecommendation[];
  readonly scaleUps: readonly ScaleChange[];
  readonly scaleDowns: readonly ScaleChange[];
}

export const EMPTY_MEMORY: AutoscalerMemory = { recommendations: [], scaleUps: [], scaleDowns: [] };
