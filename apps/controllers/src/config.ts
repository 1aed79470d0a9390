import {
  DEFAULT_AUTOSCALER_SETTINGS, DEFAULT_NODE_MONITOR_GRACE_SECONDS, DEFAULT_TOLERATION_SECONDS, type AutoscalerSettings,
} from '@wake/reconcilers';

/** The controllers' settings, from the environment. */
export interface ControllersConfig {
  /** Seconds without a node lease renewal before the node is Ready=Unknown (WAKE_NODE_MONITOR_GRACE_SECONDS, 40). */
  readonly nodeMonitorGraceSeconds: number;
  /** Toleration assumed for pods without one for not-ready/unreachable (WAKE_DEFAULT_TOLERATION_SECONDS, 300). */
  readonly defaultTolerationSeconds: number;
  /** Workers per controller queue (WAKE_CONTROLLERS_WORKERS, 4). */
  readonly workers: number;
  /** The leader lease's ttl (WAKE_CONTROLLERS_LEASE_TTL_MS, 15000): a dead leader's successor waits this long. */
  readonly leaseTtlMs: number;
  /** How long a key waits for the cache to show the controller's own writes (WAKE_CONTROLLERS_EXPECTATION_TIMEOUT_MS, 10000). */
  readonly expectationTimeoutMs: number;
  /** Concurrent writes of core/v1 Events (WAKE_CONTROLLERS_EVENT_WRITERS, 4). */
  readonly eventWriters: number;
  /** How often each HorizontalPodAutoscaler is synced (WAKE_HPA_SYNC_PERIOD_SECONDS, 15; --horizontal-pod-autoscaler-sync-period). */
  readonly hpaSyncPeriodSeconds: number;
  /** The autoscaler's tolerance, downscale stabilization window, cpu initialization period and initial readiness delay
   * (WAKE_HPA_TOLERANCE 0.1, WAKE_HPA_DOWNSCALE_STABILIZATION_SECONDS 300, WAKE_HPA_CPU_INITIALIZATION_PERIOD_SECONDS 300,
   * WAKE_HPA_INITIAL_READINESS_DELAY_SECONDS 30: kube-controller-manager's --horizontal-pod-autoscaler-* flags). */
  readonly autoscaler: AutoscalerSettings;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ControllersConfig {
  const num = (name: string, d: number) => {
    const v = env[name];
    if (v === undefined || v === '') return d;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got ${JSON.stringify(v)}`);
    return n;
  };
  return {
    nodeMonitorGraceSeconds: num('WAKE_NODE_MONITOR_GRACE_SECONDS', DEFAULT_NODE_MONITOR_GRACE_SECONDS),
    defaultTolerationSeconds: num('WAKE_DEFAULT_TOLERATION_SECONDS', DEFAULT_TOLERATION_SECONDS),
    workers: Math.max(1, num('WAKE_CONTROLLERS_WORKERS', 4)),
    leaseTtlMs: num('WAKE_CONTROLLERS_LEASE_TTL_MS', 15_000),
    expectationTimeoutMs: num('WAKE_CONTROLLERS_EXPECTATION_TIMEOUT_MS', 10_000),
    eventWriters: Math.max(1, num('WAKE_CONTROLLERS_EVENT_WRITERS', 4)),
    hpaSyncPeriodSeconds: Math.max(0.1, num('WAKE_HPA_SYNC_PERIOD_SECONDS', 15)),
    autoscaler: {
      tolerance: num('WAKE_HPA_TOLERANCE', DEFAULT_AUTOSCALER_SETTINGS.tolerance),
      downscaleStabilizationSeconds: num('WAKE_HPA_DOWNSCALE_STABILIZATION_SECONDS', DEFAULT_AUTOSCALER_SETTINGS.downscaleStabilizationSeconds),
      cpuInitializationPeriodSeconds: num('WAKE_HPA_CPU_INITIALIZATION_PERIOD_SECONDS', DEFAULT_AUTOSCALER_SETTINGS.cpuInitializationPeriodSeconds),
      initialReadinessDelaySeconds: num('WAKE_HPA_INITIAL_READINESS_DELAY_SECONDS', DEFAULT_AUTOSCALER_SETTINGS.initialReadinessDelaySeconds),
    },
  };
}
