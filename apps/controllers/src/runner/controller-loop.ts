import { isRetryable, type StoredEvent } from '@wake/events';
import { WorkQueue } from '@wake/runtime';
import type { Actor, Cause, ObjectStore } from '@wake/store';
import type { EventRecorder } from '../events/event-recorder';
import { applyActions } from './apply-actions';
import type { ControllerContext, ControllerDefinition } from './controller';
import { Expectations } from './expectations';

export interface LoopDeps {
  readonly store: Pick<ObjectStore, 'create' | 'update' | 'delete' | 'get'>;
  readonly recorder: EventRecorder;
  readonly actor: Actor;
  readonly context: ControllerContext;
  readonly log: (level: 'log' | 'warn' | 'error', msg: string) => void;
}

export interface LoopStats {
  reconciles: number;
  writes: number;
  failures: number;
}

/** Events that a key's reconcile reacts to, kept so its writes can name their cause (DESIGN invariant 4). */
const causeOf = (e: StoredEvent): Cause => ({ causationId: e.id, causationSeq: e.seq, correlationId: e.correlationId });

/**
 * One controller's queue: keys in, reconcile, actions applied through the store, the key
 * requeued when asked (requeueAfter) or retried with back-off on failure.
 */
export class ControllerLoop {
  readonly queue = new WorkQueue({ baseDelayMs: 100, maxDelayMs: 30_000 });
  readonly expectations = new Expectations();
  readonly stats: LoopStats = { reconciles: 0, writes: 0, failures: 0 };
  private readonly causes = new Map<string, Cause>();
  private running?: Promise<void>;

  constructor(readonly def: ControllerDefinition, private readonly deps: LoopDeps) {}

  enqueue(key: string, trigger?: StoredEvent): void {
    if (trigger) this.causes.set(key, causeOf(trigger));
    this.queue.add(key);
  }

  start(workers: number): void {
    this.running = this.queue.run((key) => this.work(key), this.def.workers ?? workers, (key, e) => {
      this.stats.failures++;
      const level = isRetryable(e) ? 'log' : 'warn';
      this.deps.log(level, `${this.def.name} ${key}: ${(e as Error).message ?? e}`);
    });
  }

  async stop(): Promise<void> {
    this.queue.stop();
    await this.running;
  }

  private async work(key: string): Promise<void> {
    const ctx = this.deps.context;
    if (!(await this.expectations.satisfied(key, ctx.cache, ctx.config.expectationTimeoutMs))) {
      throw new Error(`the cache has not caught up with this controller's writes for ${key}; retrying`);
    }
    const cause = this.causes.get(key) ?? {};
    const actions = await this.def.reconcile(key, ctx);
    this.stats.reconciles++;
    if (!actions.length) {
      if (this.causes.get(key) === cause) this.causes.delete(key);
      return;
    }
    const result = await applyActions(actions, {
      store: this.deps.store, recorder: this.deps.recorder, actor: this.deps.actor,
      controller: this.def.name, component: this.def.component, cause,
    });
    this.stats.writes += result.applied;
    this.expectations.record(key, result.written);
    if (result.error) throw result.error;
    if (result.requeueAfter !== undefined) this.queue.addAfter(key, result.requeueAfter * 1000);
  }
}
