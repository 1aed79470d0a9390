import type { Backend } from './proxy-rules';

const keyOf = (b: Backend) => `${b.ip}:${b.port}`;
const MAX_AFFINITY_ENTRIES = 65536;

/**
 * Picks a backend per new connection or UDP session: round-robin over the current backends, or, with
 * ClientIP affinity, the backend a client had while it keeps coming back within the timeout. The
 * backend set can be replaced at any time; affinity to a removed backend is forgotten, the rotation
 * goes on. Time is an input (milliseconds), so this is deterministic under test.
 */
export class Balancer {
  private backends: Backend[] = [];
  private nextIndex = 0;
  private readonly affinity = new Map<string, { backend: string; lastUsed: number }>();

  private affinityTimeoutMs?: number;

  constructor(backends: readonly Backend[] = [], affinityTimeoutMs?: number) {
    this.setBackends(backends, affinityTimeoutMs);
  }

  /** Replaces the backends and the affinity timeout (undefined: no affinity). */
  setBackends(backends: readonly Backend[], affinityTimeoutMs?: number): void {
    this.backends = [...backends];
    this.affinityTimeoutMs = affinityTimeoutMs;
    if (!affinityTimeoutMs) this.affinity.clear();
    const live = new Set(this.backends.map(keyOf));
    for (const [client, a] of this.affinity) if (!live.has(a.backend)) this.affinity.delete(client);
    if (this.nextIndex >= this.backends.length) this.nextIndex = 0;
  }

  get size(): number {
    return this.backends.length;
  }

  list(): readonly Backend[] {
    return this.backends;
  }

  /** The backend for a new connection from `clientIP`; `exclude` skips backends that just failed. */
  pick(clientIP: string, nowMs: number, exclude?: ReadonlySet<string>): Backend | undefined {
    const usable = exclude?.size ? this.backends.filter((b) => !exclude.has(keyOf(b))) : this.backends;
    if (!usable.length) return undefined;
    if (this.affinityTimeoutMs) {
      const a = this.affinity.get(clientIP);
      if (a && nowMs - a.lastUsed <= this.affinityTimeoutMs) {
        const b = usable.find((x) => keyOf(x) === a.backend);
        if (b) { a.lastUsed = nowMs; return b; }
      }
    }
    const b = this.roundRobin(usable);
    if (this.affinityTimeoutMs) {
      if (this.affinity.size >= MAX_AFFINITY_ENTRIES) this.expire(nowMs);
      this.affinity.set(clientIP, { backend: keyOf(b), lastUsed: nowMs });
    }
    return b;
  }

  private roundRobin(usable: Backend[]): Backend {
    for (let i = 0; i < this.backends.length; i++) {
      const b = this.backends[(this.nextIndex + i) % this.backends.length];
      if (usable === this.backends || usable.includes(b)) {
        this.nextIndex = (this.nextIndex + i + 1) % this.backends.length;
        return b;
      }
    }
    return usable[0];
  }

  private expire(nowMs: number): void {
    for (const [client, a] of this.affinity) if (nowMs - a.lastUsed > (this.affinityTimeoutMs ?? 0)) this.affinity.delete(client);
    if (this.affinity.size >= MAX_AFFINITY_ENTRIES) this.affinity.clear();
  }
}

export const backendKey = keyOf;
