import type { NatsConnection, Subscription } from 'nats';
import { WakeError } from '@wake/events';

export const progressSubject = (projection: string) => `wake.projection.${projection}.progress`;

/**
 * Read-your-writes: waits, bounded, until a projection has applied the log up to a
 * sequence. The projector announces each committed checkpoint on a core NATS subject;
 * `initial` (the checkpoint read from PostgreSQL) covers announcements made before we listened.
 */
export class ProjectionProgress {
  private seq = 0;
  private readonly waiters = new Set<{ seq: number; resolve: () => void }>();
  private sub?: Subscription;

  constructor(private readonly nc: NatsConnection, private readonly projection = 'main') {}

  start(initial: number): this {
    this.advance(initial);
    this.sub = this.nc.subscribe(progressSubject(this.projection), {
      callback: (_err, m) => this.advance(Number(m.string())),
    });
    return this;
  }

  get current(): number {
    return this.seq;
  }

  advance(seq: number): void {
    if (!(seq > this.seq)) return;
    this.seq = seq;
    for (const w of this.waiters) if (w.seq <= seq) { this.waiters.delete(w); w.resolve(); }
  }

  async waitFor(seq: number, timeoutMs = 5000): Promise<void> {
    if (seq <= this.seq) return;
    await new Promise<void>((resolve, reject) => {
      const w = { seq, resolve: () => { clearTimeout(timer); resolve(); } };
      const timer = setTimeout(() => {
        this.waiters.delete(w);
        reject(new WakeError('Unavailable', `the projection has not reached sequence ${seq} within ${timeoutMs} ms (at ${this.seq})`));
      }, timeoutMs);
      this.waiters.add(w);
    });
  }

  stop(): void {
    this.sub?.unsubscribe();
    for (const w of this.waiters) this.waiters.delete(w);
  }
}
