/**
 * A work queue keyed by object (controller-runtime style): a key queued many times is worked
 * once; a key being worked is not worked concurrently; failures retry with exponential
 * back-off per key; `addAfter` schedules a requeue. Items carry only keys.
 */
export class WorkQueue {
  private readonly queued = new Set<string>();
  private readonly active = new Set<string>();
  private readonly dirty = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private waiting: Array<() => void> = [];
  private order: string[] = [];
  private stopped = false;

  constructor(private readonly opts: { baseDelayMs?: number; maxDelayMs?: number } = {}) {}

  add(key: string): void {
    if (this.stopped) return;
    if (this.active.has(key)) { this.dirty.add(key); return; }
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.order.push(key);
    this.waiting.shift()?.();
  }

  addAfter(key: string, ms: number): void {
    if (this.stopped) return;
    const prev = this.timers.get(key);
    if (prev) clearTimeout(prev);
    this.timers.set(key, setTimeout(() => { this.timers.delete(key); this.add(key); }, Math.max(0, ms)));
  }

  /** Runs `work` for keys with `concurrency` workers until stop(). */
  run(work: (key: string) => Promise<void>, concurrency = 1, onError?: (key: string, e: unknown) => void): Promise<void> {
    const worker = async () => {
      while (!this.stopped) {
        const key = this.order.shift();
        if (key === undefined) { await new Promise<void>((r) => this.waiting.push(r)); continue; }
        this.queued.delete(key);
        this.active.add(key);
        try {
          await work(key);
          this.failures.delete(key);
        } catch (e) {
          onError?.(key, e);
          const n = (this.failures.get(key) ?? 0) + 1;
          this.failures.set(key, n);
          this.addAfter(key, Math.min(this.opts.maxDelayMs ?? 30_000, (this.opts.baseDelayMs ?? 50) * 2 ** (n - 1)));
        } finally {
          this.active.delete(key);
          if (this.dirty.delete(key)) this.add(key);
        }
      }
    };
    return Promise.all(Array.from({ length: concurrency }, worker)).then(() => undefined);
  }

  get length(): number {
    return this.order.length;
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    for (const w of this.waiting.splice(0)) w();
  }
}
