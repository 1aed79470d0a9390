import type { KV, NatsConnection } from 'nats';

export interface LeaseOptions {
  /** What is being led, e.g. 'scheduler'. */
  readonly name: string;
  /** Who wants to lead (unique per replica). */
  readonly holder: string;
  /** The lease lapses this long after its last renewal. */
  readonly ttlMs?: number;
  readonly bucket?: string;
}

/**
 * Leader election on a NATS KV bucket whose entries expire (max_age = ttl): the leader renews
 * its key with a revision check every ttl/3; a candidate can only `create` the key, which
 * succeeds once the old leader's entry has expired or was deleted. At most one holder at a time.
 */
export class LeaderLease {
  private kv?: KV;
  private revision = 0;
  private timer?: NodeJS.Timeout;
  private leading = false;
  private stopped = false;
  private readonly ttl: number;

  constructor(private readonly nc: NatsConnection, private readonly opts: LeaseOptions) {
    this.ttl = opts.ttlMs ?? 10_000;
  }

  get isLeader(): boolean {
    return this.leading;
  }

  /** Tries to lead until stopped; calls onStart when leadership is won and onStop when it is lost. */
  async run(onStart: () => void, onStop: () => void): Promise<void> {
    this.kv = await this.nc.jetstream().views.kv(this.opts.bucket ?? 'wake_leases', { ttl: this.ttl, history: 1 });
    const key = this.opts.name;
    const tick = async () => {
      if (this.stopped) return;
      try {
        if (this.leading) {
          this.revision = await this.kv!.update(key, this.opts.holder, this.revision);
        } else {
          this.revision = await this.kv!.create(key, this.opts.holder);
          this.leading = true;
          onStart();
        }
      } catch {
        if (this.leading) { this.leading = false; onStop(); }
      }
      if (!this.stopped) this.timer = setTimeout(tick, this.leading ? this.ttl / 3 : this.ttl / 4);
    };
    await tick();
  }

  /** Gives the lease up at once (so a standby takes over without waiting for the ttl). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.leading && this.kv) await this.kv.delete(this.opts.name, { previousSeq: this.revision }).catch(() => undefined);
    this.leading = false;
  }
}
