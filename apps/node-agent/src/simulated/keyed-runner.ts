/**
 * Runs one task per key at a time; a key triggered while its task runs runs once more after.
 * Failures are reported and dropped (the next change of the object triggers it again).
 */
export class KeyedRunner {
  private readonly inflight = new Set<string>();
  private readonly again = new Set<string>();
  private pending = 0;
  private idle: Array<() => void> = [];

  constructor(private readonly task: (key: string) => Promise<void>, private readonly onError: (key: string, e: unknown) => void) {}

  trigger(key: string): void {
    if (this.inflight.has(key)) { this.again.add(key); return; }
    this.inflight.add(key);
    this.pending++;
    void this.task(key).catch((e) => this.onError(key, e)).finally(() => {
      this.inflight.delete(key);
      this.pending--;
      if (this.again.delete(key)) this.trigger(key);
      if (!this.pending) for (const r of this.idle.splice(0)) r();
    });
  }

  /** Resolves when nothing is running. */
  async settled(): Promise<void> {
    if (this.pending) await new Promise<void>((r) => this.idle.push(r));
  }
}
