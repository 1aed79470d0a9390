import type { KV, NatsConnection } from 'nats';

export interface LeaseOptions {
  /** What is being led, e.g. 'scheduler'. */
  readonly name: string;
  /** Who wants to lead (unique per replica). */
  readonly holder: string;
  /** The lease lapses this long after its last renewal. */
  readonly ttlMs?: number;
  /** The KV bucket; by default one per lease (`leaseBucket(name)`), since a bucket's max_age is its leases' ttl. */
  readonly bucket?: string;
}

/**
 * The default bucket of a lease: its own, because the ttl is the bucket's max_age, fixed by
 * whoever creates the bucket. Leases of different ttls sharing one bucket all got the ttl of
 * the first creator (the scheduler's 5 s made the controllers, renewing every 15/3 s, lose
 * their lease every few seconds and stop for ttl/4 each time).
 */
export function leaseBucket(name: string): string {
  return `wake_lease_${name.replace(/[^\w-]/g, '_')}`;
}

/**
 * How often to renew (leading) or retry (campaigning), given the ttl asked for and the ttl the
 * bucket really has (its max_age, fixed when it was created; 0 = none): a third of the shorter,
 * so a renewal always lands before the entry can expire.
 */
export function leaseTimings(askedTtlMs: number, bucketTtlMs: number): { ttlMs: number; renewMs: number; retryMs: number } {
  const ttlMs = bucketTtlMs > 0 ? Math.min(askedTtlMs, bucketTtlMs) : askedTtlMs;
  return { ttlMs, renewMs: ttlMs / 3, retryMs: ttlMs / 4 };
}

/**
 * Leader election on a NATS KV bucket whose entries expire (max_age = ttl): the leader renews
 * its key with a revision check every ttl/3; a candidate can only `create` the key, which
 * succeeds once the old leader's entry has expired or was deleted. At most one holder at a time.
 * An existing bucket keeps the max_age it was created with, so the timings follow the bucket's
 * real ttl when it is shorter than the one asked for.
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
    this.kv = await this.nc.jetstream().views.kv(this.opts.bucket ?? leaseBucket(this.opts.name), { ttl: this.ttl, history: 1 });
    const { renewMs, retryMs } = leaseTimings(this.ttl, (await this.kv.status()).ttl);
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
      if (!this.stopped) this.timer = setTimeout(tick, this.leading ? renewMs : retryMs);
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
