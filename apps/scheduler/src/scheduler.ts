import { isWakeError, type EventLog } from '@wake/events';
import { Informer, type SnapshotSource } from '@wake/runtime';
import { podInfo, schedule, type Decision } from '@wake/scheduling';
import type { Binder } from './binding/binder';
import { awaitsScheduling, type PodObject } from './binding/pod-scheduled';
import { scheduledMessage } from './binding/scheduling-event';
import { ClusterCache } from './cache/cluster-cache';
import { SchedulingQueue } from './queue/scheduling-queue';
import { trimRecord } from './record/trim-record';
import type { SchedulerSettings } from './settings/scheduler-settings';

export interface SchedulerLogger {
  log(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

export interface SchedulerStats {
  cycles: number;
  bound: number;
  unschedulable: number;
  conflicts: number;
  errors: number;
  /** Milliseconds spent in the pure core (schedule) and in preparing binds. */
  scheduleMs: number;
}

/** Longest run of cycles before the loop yields to I/O. */
const BATCH_MS = 5;

/**
 * The scheduler shell: informers keep the cache; while leading, a loop pops pods, runs the pure
 * cycle against the snapshot, assumes the pod on its node and issues the binding without waiting
 * for it — up to `maxInFlight` bindings are in flight at once. A conflicting binding is forgotten
 * and the pod retried from its newer version; nothing is ever bound without the expectation.
 */
export class Scheduler {
  readonly queue = new SchedulingQueue();
  readonly cache: ClusterCache;
  readonly stats: SchedulerStats = { cycles: 0, bound: 0, unschedulable: 0, conflicts: 0, errors: 0, scheduleMs: 0 };
  private readonly pods: Informer;
  private readonly informers: Informer[];
  private leading = false;
  private loop?: Promise<void>;
  private inFlight = 0;
  private readonly pending = new Set<Promise<unknown>>();
  private slotFreed?: () => void;
  private startIndex = 0;
  private flushTimer?: NodeJS.Timeout;

  constructor(
    log: EventLog,
    private readonly binder: Binder,
    private readonly settings: SchedulerSettings,
    private readonly logger: SchedulerLogger,
    source?: SnapshotSource,
  ) {
    this.cache = new ClusterCache(this.queue, settings.schedulerName);
    const namespaces = new Informer(log, { kind: 'Namespace' }, source).on(this.cache.onNamespace);
    const nodes = new Informer(log, { kind: 'Node' }, source).on(this.cache.onNode);
    const claims = new Informer(log, { kind: 'PersistentVolumeClaim' }, source).on(this.cache.onClaim);
    this.pods = new Informer(log, { kind: 'Pod' }, source).on(this.cache.onPod);
    this.informers = [namespaces, nodes, claims, this.pods];
  }

  get isLeading(): boolean {
    return this.leading;
  }

  /** Fills the cache (namespaces and nodes first, so pods land on known nodes) and follows the log. */
  async start(): Promise<void> {
    for (const i of this.informers) await i.start();
    if (this.settings.unschedulableFlushMs > 0) {
      const every = Math.max(1000, Math.min(30_000, this.settings.unschedulableFlushMs / 4));
      this.flushTimer = setInterval(() => this.queue.flush(this.settings.unschedulableFlushMs), every);
      this.flushTimer.unref();
    }
  }

  lead(): void {
    if (this.leading) return;
    this.leading = true;
    this.logger.log(`leading: ${this.queue.stats.active} pods queued, ${this.queue.stats.parked} parked, ${this.cache.snapshot.numNodes} nodes`);
    this.loop = this.run();
  }

  /** Stops taking pods (bindings already in flight still complete or conflict). */
  async unlead(): Promise<void> {
    if (!this.leading) return;
    this.leading = false;
    this.queue.wake();
    this.slotFreed?.();
    await this.loop;
  }

  /** Resolves when every issued write has been answered. */
  async drain(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  async stop(): Promise<void> {
    await this.unlead();
    await this.drain();
    if (this.flushTimer) clearInterval(this.flushTimer);
    this.queue.close();
    for (const i of this.informers) await i.stop();
  }

  /**
   * Runs cycles in batches: every cycle of a batch issues its binding in the same event-loop turn,
   * so the NATS client writes them to the socket together (it flushes once per microtask
   * checkpoint); between batches the loop yields so acknowledgements and informer events flow.
   */
  private async run(): Promise<void> {
    while (this.leading) {
      if (this.inFlight >= this.settings.maxInFlight) {
        await new Promise<void>((r) => (this.slotFreed = r));
        continue;
      }
      const first = await this.queue.pop(() => this.leading);
      if (first === undefined) break;
      const until = performance.now() + BATCH_MS;
      let key: string | undefined = first;
      while (key !== undefined) {
        this.safeCycle(key);
        if (!this.leading || this.inFlight >= this.settings.maxInFlight || performance.now() > until) break;
        key = this.queue.tryPop();
      }
      await new Promise((r) => setImmediate(r));
    }
  }

  private safeCycle(key: string): void {
    try {
      this.cycle(key);
    } catch (e) {
      this.stats.errors++;
      this.logger.error(`scheduling ${key} failed: ${(e as Error).stack ?? e}`);
      this.queue.done(key);
      this.queue.addAfter(key, 1000);
    }
  }

  private cycle(key: string): void {
    const slash = key.indexOf('/');
    const pod = this.pods.get(key.slice(0, slash), key.slice(slash + 1)) as PodObject | undefined;
    if (!pod || !awaitsScheduling(pod, this.settings.schedulerName) || this.cache.isAssumed(key)) {
      this.queue.done(key);
      return;
    }
    this.stats.cycles++;
    const t0 = performance.now();
    const info = podInfo(pod as never);
    const d = schedule(info, this.cache.snapshot, this.settings.config, { startIndex: this.startIndex });
    this.startIndex = d.nextStartIndex;
    const decision = trimRecord(d.record, this.settings.recordTopN, this.settings.recordNodesPerReason);
    this.stats.scheduleMs += performance.now() - t0;
    const cause = this.cache.causeOf(key);
    if (d.type === 'Unschedulable') {
      this.queue.park(key, info, d.record);
      this.queue.done(key);
      this.stats.unschedulable++;
      this.track(this.reportUnschedulable(pod, d, decision, cause));
      return;
    }
    const unplaced = this.cache.unplacedClaims(pod); // before assume, which places them in the snapshot
    this.cache.assume(pod, d.nodeName);
    this.inFlight++;
    // PreBind: node-local claims used for the first time are placed on the pod's node.
    const binding = this.binder.placeClaims(unplaced, d.nodeName, cause).then(() => this.binder.bind(pod, d.nodeName, decision, cause)).then(
      (e) => {
        this.stats.bound++;
        if (this.settings.events === 'all') {
          this.track(this.binder.recordEvent(pod, 'Scheduled', scheduledMessage(pod, d.nodeName), { causationId: e.id, causationSeq: e.seq, correlationId: e.correlationId })
            .catch((err) => this.logger.warn(`event for ${key}: ${(err as Error).message}`)));
        }
      },
      (err) => {
        this.cache.forget(key);
        if (isWakeError(err, 'Conflict')) {
          // The pod changed (or was bound by another replica): its newer version comes through the informer.
          this.stats.conflicts++;
        } else {
          this.stats.errors++;
          this.logger.warn(`binding ${key} to ${d.nodeName} failed: ${(err as Error).message}`);
          this.queue.addAfter(key, isWakeError(err, 'Unavailable') ? 250 : 5000);
        }
      },
    ).finally(() => {
      this.inFlight--;
      this.queue.done(key);
      const freed = this.slotFreed;
      this.slotFreed = undefined;
      freed?.();
    });
    this.track(binding);
  }

  private async reportUnschedulable(pod: PodObject, d: Extract<Decision, { type: 'Unschedulable' }>, decision: ReturnType<typeof trimRecord>, cause: ReturnType<ClusterCache['causeOf']>): Promise<void> {
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    try {
      const changed = await this.binder.markUnschedulable(pod, d.message, decision, cause);
      if (changed && this.settings.events !== 'none') await this.binder.recordEvent(pod, 'FailedScheduling', d.message, cause);
    } catch (e) {
      // A conflict means the pod changed: its new version is on its way and decides what happens next.
      if (!isWakeError(e, 'Conflict') && !isWakeError(e, 'NotFound')) this.logger.warn(`reporting ${key} unschedulable: ${(e as Error).message}`);
    }
  }

  private track(p: Promise<unknown>): void {
    this.pending.add(p);
    const forget = () => { this.pending.delete(p); };
    p.then(forget, forget);
  }
}
