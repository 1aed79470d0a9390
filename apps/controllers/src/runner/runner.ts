import { KINDS, type EventLog } from '@wake/events';
import type { SnapshotSource } from '@wake/runtime';
import type { Actor, ObjectStore } from '@wake/store';
import { ClusterCache } from '../cache/cluster-cache';
import type { ControllersConfig } from '../config';
import { EventRecorder } from '../events/event-recorder';
import type { ControllerContext, ControllerDefinition, NodeMetricsSource } from './controller';
import { ControllerLoop } from './controller-loop';

export const CONTROLLERS_ACTOR: Actor = { type: 'component', name: 'controllers' };

export interface RunnerOptions {
  readonly log: EventLog;
  readonly store: ObjectStore;
  readonly controllers: readonly ControllerDefinition[];
  readonly config: ControllersConfig;
  /** Initial lists from the projection (ProjectionStore); without one, informers read the log. */
  readonly snapshots?: SnapshotSource;
  readonly now?: () => Date;
  readonly random?: () => number;
  /** Node agents' resource metrics (the autoscaler's input). */
  readonly metrics?: NodeMetricsSource;
  readonly logger?: (level: 'log' | 'warn' | 'error', msg: string) => void;
}

/**
 * Runs a set of controllers over one shared cache: every kind is informed (the garbage
 * collector and the namespace deleter need them all), each change is mapped to keys of the
 * controllers that watch its kind, and each controller works its own queue.
 */
export class Runner {
  readonly cache: ClusterCache;
  readonly recorder: EventRecorder;
  readonly loops: ControllerLoop[];

  constructor(private readonly opts: RunnerOptions) {
    const logger = opts.logger ?? ((level, msg) => process.stderr.write(`[controllers] ${level} ${msg}\n`));
    this.cache = new ClusterCache(opts.log, KINDS.map((k) => k.kind), opts.snapshots);
    this.recorder = new EventRecorder(opts.store, CONTROLLERS_ACTOR, {
      concurrency: opts.config.eventWriters, now: opts.now,
      onError: (e) => logger('warn', `recording an Event failed: ${(e as Error).message}`),
    });
    const context: ControllerContext = {
      cache: this.cache, config: opts.config, store: opts.store,
      now: opts.now ?? (() => new Date()), random: opts.random ?? Math.random,
      ...(opts.metrics ? { metrics: opts.metrics } : {}),
    };
    this.loops = opts.controllers.map((def) => new ControllerLoop(def, { store: opts.store, recorder: this.recorder, actor: CONTROLLERS_ACTOR, context, log: logger }));
    this.cache.on((e) => {
      for (const loop of this.loops) {
        const map = loop.def.watches[e.kind];
        if (!map) continue;
        for (const key of map(e, this.cache)) loop.enqueue(key, e.event);
      }
    });
  }

  /** Fills the cache (every kind listed), then starts the workers. */
  async start(): Promise<void> {
    await this.cache.start();
    for (const loop of this.loops) loop.start(this.opts.config.workers);
  }

  async stop(): Promise<void> {
    await Promise.all(this.loops.map((l) => l.stop()));
    await this.cache.stop();
    await this.recorder.flush();
  }

  /** True when no controller has queued work (timers for requeueAfter may still be pending). */
  get idle(): boolean {
    return this.loops.every((l) => l.queue.length === 0);
  }
}
