interface Waiter<T> {
  readonly deadline: number;
  readonly resolve: (value: T) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Requests waiting for their reply, by token, each with a deadline. Every request gets the
 * same timeout, so insertion order is deadline order: expiring looks only at the oldest
 * entries, and one timer (the caller's) serves them all. Time is an input.
 */
export class PendingReplies<T> {
  private readonly waiting = new Map<string, Waiter<T>>();
  private onIdle: Array<() => void> = [];

  get size(): number {
    return this.waiting.size;
  }

  /** Waits for the reply to `token`, until `deadline` (callers pass now + one fixed timeout). */
  add(token: string, deadline: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(token, { deadline, resolve, reject });
    });
  }

  /** Settles a request with its reply; false when nothing waits on the token (late or unknown). */
  resolve(token: string, value: T): boolean {
    const w = this.waiting.get(token);
    if (!w) return false;
    this.remove(token);
    w.resolve(value);
    return true;
  }

  reject(token: string, error: Error): boolean {
    const w = this.waiting.get(token);
    if (!w) return false;
    this.remove(token);
    w.reject(error);
    return true;
  }

  /**
   * Fails every request whose deadline is at or before `now`, with `timedOut()` (called once
   * per expired request). Returns the earliest deadline still pending, or undefined.
   */
  expire(now: number, timedOut: () => Error): number | undefined {
    for (const [token, w] of this.waiting) {
      if (w.deadline > now) return w.deadline;
      this.remove(token);
      w.reject(timedOut());
    }
    return undefined;
  }

  /** Fails every pending request (the connection or the subscription closed). */
  rejectAll(error: Error): void {
    const all = [...this.waiting.values()];
    this.waiting.clear();
    this.idle();
    for (const w of all) w.reject(error);
  }

  /** Resolves once nothing is pending. */
  whenIdle(): Promise<void> {
    if (this.waiting.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.onIdle.push(resolve));
  }

  private remove(token: string): void {
    this.waiting.delete(token);
    if (this.waiting.size === 0 && this.onIdle.length) this.idle();
  }

  private idle(): void {
    const waiters = this.onIdle;
    this.onIdle = [];
    for (const resolve of waiters) resolve();
  }
}
