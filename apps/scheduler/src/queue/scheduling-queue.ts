import type { V1Pod } from '@kubernetes/client-node';
import { couldHelp, type ClusterChange, type ClusterSnapshot, type DecisionRecord, type PodInfo } from '@wake/scheduling';

interface Parked {
  readonly pod: PodInfo;
  readonly record: DecisionRecord;
  readonly since: number;
}

/**
 * kube-scheduler's scheduling queue, keyed by `namespace/name`: an active FIFO, the pods parked
 * as unschedulable with the record of why (they move back only when `couldHelp` says a change
 * could help, or after `flush`'s maximum age — never by polling), and a back-off for pods whose
 * binding failed transiently. A key popped for a cycle is "in flight" until `done`; adds meanwhile
 * are remembered and honoured then, so a pod is never in two cycles at once.
 */
export class SchedulingQueue {
  private active: string[] = [];
  private head = 0;
  private readonly queued = new Set<string>();
  private readonly parked = new Map<string, Parked>();
  private readonly inFlight = new Set<string>();
  private readonly dirty = new Set<string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private waiter?: () => void;
  private closed = false;

  /** Make the pod a candidate now (new, changed, or retried). */
  add(key: string): void {
    if (this.closed) return;
    if (this.inFlight.has(key)) { this.dirty.add(key); return; }
    this.parked.delete(key);
    this.clearTimer(key);
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.active.push(key);
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }

  /** Retry after a delay (transient failures). */
  addAfter(key: string, ms: number): void {
    if (this.closed) return;
    this.clearTimer(key);
    this.timers.set(key, setTimeout(() => { this.timers.delete(key); this.add(key); }, ms));
  }

  /** The pod no longer needs scheduling (bound, deleted, not ours). */
  remove(key: string): void {
    this.parked.delete(key);
    this.dirty.delete(key);
    this.clearTimer(key);
    if (this.queued.delete(key)) this.active[this.active.indexOf(key, this.head)] = '';
  }

  /** The cycle found no node: park the pod with the record that says why. */
  park(key: string, pod: PodInfo, record: DecisionRecord, now = Date.now()): void {
    if (this.closed) return;
    this.parked.set(key, { pod, record, since: now });
  }

  /** The cycle for `key` is over (bound, parked, or failed); adds made meanwhile take effect now. */
  done(key: string): void {
    this.inFlight.delete(key);
    if (this.dirty.delete(key)) this.add(key);
  }

  /** A change was applied to the snapshot: move the parked pods it could help. Returns the keys moved. */
  onChange(change: ClusterChange, snapshot: ClusterSnapshot): string[] {
    const moved: string[] = [];
    for (const [key, p] of this.parked) {
      if (couldHelp(p.pod, p.record, change, snapshot).retry) moved.push(key);
    }
    for (const key of moved) this.add(key);
    return moved;
  }

  /** Pods parked longer than `maxAgeMs` go back to the active queue (kube-scheduler's podMaxInUnschedulablePodsDuration). */
  flush(maxAgeMs: number, now = Date.now()): string[] {
    const stale = [...this.parked].filter(([, p]) => now - p.since >= maxAgeMs).map(([k]) => k);
    for (const key of stale) this.add(key);
    return stale;
  }

  /** The next key if one is queued, without waiting (lets the loop run a batch of cycles in one turn). */
  tryPop(): string | undefined {
    while (this.head < this.active.length) {
      const key = this.active[this.head++];
      if (this.head > 4096 && this.head * 2 > this.active.length) { this.active = this.active.slice(this.head); this.head = 0; }
      if (!key || !this.queued.delete(key)) continue;
      this.inFlight.add(key);
      return key;
    }
    return undefined;
  }

  /** Next key to schedule; waits while the queue is empty; undefined once closed or when `wake` finds `running()` false. */
  async pop(running: () => boolean = () => true): Promise<string | undefined> {
    for (;;) {
      if (this.closed || !running()) return undefined;
      const key = this.tryPop();
      if (key !== undefined) return key;
      await new Promise<void>((r) => (this.waiter = r));
    }
  }

  /** The pod object as it was when parked. */
  parkedPod(key: string): V1Pod | undefined {
    return this.parked.get(key)?.pod.pod;
  }

  isParked(key: string): boolean {
    return this.parked.has(key);
  }

  get stats(): { active: number; parked: number; inFlight: number; backingOff: number } {
    return { active: this.queued.size, parked: this.parked.size, inFlight: this.inFlight.size, backingOff: this.timers.size };
  }

  /** Wakes a pending pop so that it re-checks whether it should go on. */
  wake(): void {
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }

  /** For good: a pending pop returns undefined, timers stop, nothing is queued any more. */
  close(): void {
    this.closed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }

  private clearTimer(key: string): void {
    const t = this.timers.get(key);
    if (t) { clearTimeout(t); this.timers.delete(key); }
  }
}
