import { isWakeError, type KubeObject } from '@wake/events';
import type { Actor, Cause, ObjectStore } from '@wake/store';
import { aggregationKey, newCoreEvent, repeatedCoreEvent, type EventReport } from './core-event';

const MAX_REMEMBERED = 4096;
const MAX_BACKLOG = 20_000;

/**
 * Writes core/v1 Events for what controllers do, off the reconcile path (best effort, as in
 * Kubernetes): bounded concurrency, a bounded backlog, and exact repeats aggregated into the
 * same Event (count, lastTimestamp) while it is remembered.
 */
export class EventRecorder {
  private readonly recent = new Map<string, KubeObject>(); // aggregation key → stored Event (insertion order = LRU)
  private readonly chains = new Map<string, Promise<void>>();
  private backlog: Array<() => Promise<void>> = [];
  private running = 0;
  private unique = 0;
  private idle: Array<() => void> = [];
  dropped = 0;

  constructor(
    private readonly store: Pick<ObjectStore, 'create' | 'update'>,
    private readonly actor: Actor,
    private readonly opts: { concurrency: number; now?: () => Date; onError?: (e: unknown) => void },
  ) {}

  record(report: EventReport, cause: Cause = {}): void {
    if (this.backlog.length >= MAX_BACKLOG) { this.dropped++; return; }
    const key = aggregationKey(report);
    const previous = this.chains.get(key) ?? Promise.resolve();
    const next = previous.then(() => new Promise<void>((resolve) => {
      this.backlog.push(() => this.write(key, report, cause).finally(resolve));
      this.pump();
    }));
    this.chains.set(key, next);
    void next.then(() => { if (this.chains.get(key) === next) this.chains.delete(key); });
  }

  /** Resolves when every recorded Event has been written (or given up). */
  async flush(): Promise<void> {
    while (this.running || this.backlog.length || this.chains.size) {
      await new Promise<void>((r) => { this.idle.push(r); setTimeout(r, 20); });
    }
  }

  private pump(): void {
    while (this.running < this.opts.concurrency && this.backlog.length) {
      const job = this.backlog.shift()!;
      this.running++;
      void job().finally(() => {
        this.running--;
        this.pump();
        if (!this.running && !this.backlog.length) for (const r of this.idle.splice(0)) r();
      });
    }
  }

  private async write(key: string, report: EventReport, cause: Cause): Promise<void> {
    const now = this.opts.now?.() ?? new Date();
    const opts = { actor: this.actor, ...cause, detail: { component: report.component } };
    const known = this.recent.get(key);
    try {
      if (known) {
        try {
          this.remember(key, await this.store.update(repeatedCoreEvent(known, now), { ...opts, intent: 'Repeated' }));
          return;
        } catch (e) {
          if (!isWakeError(e, 'Conflict') && !isWakeError(e, 'NotFound')) throw e;
          this.recent.delete(key); // someone else changed or removed it: start a new one
        }
      }
      this.remember(key, await this.store.create(newCoreEvent(report, now, this.unique++), opts));
    } catch (e) {
      // A terminating or missing namespace refuses new Events; nothing to retry then.
      if (!isWakeError(e, 'Forbidden') && !isWakeError(e, 'NotFound')) this.opts.onError?.(e);
    }
  }

  private remember(key: string, stored: KubeObject): void {
    this.recent.delete(key);
    this.recent.set(key, stored);
    if (this.recent.size > MAX_REMEMBERED) this.recent.delete(this.recent.keys().next().value!);
  }
}
