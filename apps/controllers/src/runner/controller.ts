import type { Action } from '@wake/reconcilers';
import type { MetricsSnapshot } from '@wake/node-api';
import type { ObjectStore } from '@wake/store';
import type { CacheEvent } from '../cache/cache-event';
import type { ClusterCache } from '../cache/cluster-cache';
import type { ControllersConfig } from '../config';

/** What a controller's reconcile may read: the cache, the clock and randomness (passed on to the pure reconciler). */
export interface ControllerContext {
  readonly cache: ClusterCache;
  readonly config: ControllersConfig;
  /** Live reads only (e.g. the garbage collector confirming an owner is really gone). Writes go through the runner. */
  readonly store: Pick<ObjectStore, 'get'>;
  now(): Date;
  random(): number;
  /** The latest resource metrics of these nodes' pods from their agents (absent: no metrics, as in unit harnesses). */
  readonly metrics?: NodeMetricsSource;
}

/** Asks node agents for their metrics snapshots; a node that does not answer has no entry. */
export type NodeMetricsSource = (nodes: Iterable<string>) => Promise<Map<string, MetricsSnapshot>>;

/**
 * One controller, declared: which changes map to which work-queue keys, and how a key
 * becomes actions (usually: read the cache, call a pure reconciler from @wake/reconcilers).
 * The runner owns queues, expectations, writes, Events and retries; adding a controller
 * is one file exporting one of these, listed in `controllers/index.ts`.
 */
export interface ControllerDefinition {
  /** Short name: queue, logs and the `controller` detail of its writes. */
  readonly name: string;
  /** The `source.component` of the core/v1 Events it records (e.g. `replicaset-controller`). */
  readonly component: string;
  /** Per kind: the keys a change of an object of that kind enqueues. */
  readonly watches: Readonly<Record<string, (e: CacheEvent, cache: ClusterCache) => readonly string[]>>;
  reconcile(key: string, ctx: ControllerContext): Action[] | Promise<Action[]>;
  /** Concurrent workers for this controller's queue (default from config). */
  readonly workers?: number;
}
