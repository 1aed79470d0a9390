import os from 'node:os';
import type { SchedulerConfig, ScoringStrategy } from '@wake/scheduling';

/** Where the informers take their initial list from: by reading the log, or from the projection. */
export type ListSource = 'log' | 'projection';
/** Which core/v1 Events the scheduler writes: both kinds, failures only, or none. */
export type EventPolicy = 'all' | 'failures' | 'none';

/** Everything the scheduler service is configured with (WAKE_SCHEDULER_* variables). */
export interface SchedulerSettings {
  /** Pods whose spec.schedulerName is this (or unset) are ours. */
  readonly schedulerName: string;
  /** The pure core's configuration (scoring strategy, percentageOfNodesToScore). */
  readonly config: SchedulerConfig;
  /** This replica's identity in the leader lease and in its Events. */
  readonly holder: string;
  readonly leaseName: string;
  readonly leaseTtlMs: number;
  /** Bindings in flight at once (appends awaiting their acknowledgement). */
  readonly maxInFlight: number;
  /** Scored nodes kept in a decision record (the chosen one always is). */
  readonly recordTopN: number;
  /** Node names listed per rejection reason in a decision record. */
  readonly recordNodesPerReason: number;
  readonly listFrom: ListSource;
  readonly events: EventPolicy;
  /** Unschedulable pods are retried after this long even if nothing seemed to help (kube-scheduler: 5 min). */
  readonly unschedulableFlushMs: number;
}

export const DEFAULT_SETTINGS: SchedulerSettings = {
  schedulerName: 'default-scheduler',
  config: {},
  holder: `${os.hostname()}-${process.pid}`,
  leaseName: 'scheduler',
  leaseTtlMs: 5000,
  maxInFlight: 256,
  recordTopN: 5,
  recordNodesPerReason: 20,
  listFrom: 'log',
  events: 'all',
  unschedulableFlushMs: 300_000,
};

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined || value === '') return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  return value as T;
}

function int(name: string, value: string | undefined, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer in [${min}, ${max}], got ${JSON.stringify(value)}`);
  return n;
}

/** Reads the settings from the environment; throws on a malformed value rather than guessing. */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): SchedulerSettings {
  const d = DEFAULT_SETTINGS;
  const scoringStrategy = oneOf<ScoringStrategy>('WAKE_SCHEDULER_SCORING_STRATEGY', env.WAKE_SCHEDULER_SCORING_STRATEGY, ['LeastAllocated', 'MostAllocated'], 'LeastAllocated');
  const percentage = int('WAKE_SCHEDULER_PERCENTAGE_OF_NODES_TO_SCORE', env.WAKE_SCHEDULER_PERCENTAGE_OF_NODES_TO_SCORE, 0, 0, 100);
  return {
    schedulerName: env.WAKE_SCHEDULER_NAME || d.schedulerName,
    config: { scoringStrategy, percentageOfNodesToScore: percentage },
    holder: env.WAKE_SCHEDULER_ID || d.holder,
    leaseName: env.WAKE_SCHEDULER_LEASE_NAME || d.leaseName,
    leaseTtlMs: int('WAKE_SCHEDULER_LEASE_TTL_MS', env.WAKE_SCHEDULER_LEASE_TTL_MS, d.leaseTtlMs, 300),
    maxInFlight: int('WAKE_SCHEDULER_MAX_IN_FLIGHT', env.WAKE_SCHEDULER_MAX_IN_FLIGHT, d.maxInFlight, 1),
    recordTopN: int('WAKE_SCHEDULER_RECORD_TOP_N', env.WAKE_SCHEDULER_RECORD_TOP_N, d.recordTopN, 1),
    recordNodesPerReason: int('WAKE_SCHEDULER_RECORD_NODES_PER_REASON', env.WAKE_SCHEDULER_RECORD_NODES_PER_REASON, d.recordNodesPerReason, 0),
    listFrom: oneOf<ListSource>('WAKE_SCHEDULER_LIST_FROM', env.WAKE_SCHEDULER_LIST_FROM, ['log', 'projection'], d.listFrom),
    events: oneOf<EventPolicy>('WAKE_SCHEDULER_EVENTS', env.WAKE_SCHEDULER_EVENTS, ['all', 'failures', 'none'], d.events),
    unschedulableFlushMs: int('WAKE_SCHEDULER_UNSCHEDULABLE_FLUSH_MS', env.WAKE_SCHEDULER_UNSCHEDULABLE_FLUSH_MS, d.unschedulableFlushMs, 0),
  };
}
