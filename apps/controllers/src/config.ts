import { DEFAULT_NODE_MONITOR_GRACE_SECONDS, DEFAULT_TOLERATION_SECONDS } from '@wake/reconcilers';

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
  };
}
