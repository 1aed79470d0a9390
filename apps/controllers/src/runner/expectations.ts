import type { ClusterCache } from '../cache/cluster-cache';

const EXPIRE_MS = 5 * 60_000;

/**
 * What Kubernetes calls expectations, by sequence: after applying a key's actions we note,
 * per kind, the highest log sequence our writes produced; before reconciling that key again
 * we wait until the cache has applied those sequences, so a reconciler never acts on a cache
 * that does not yet show our own writes (which would, e.g., create pods twice).
 */
export class Expectations {
  private readonly pending = new Map<string, { seqs: Map<string, number>; at: number }>();

  record(key: string, written: ReadonlyMap<string, number>, now = Date.now()): void {
    if (!written.size) return;
    const entry = this.pending.get(key) ?? { seqs: new Map<string, number>(), at: now };
    for (const [kind, seq] of written) entry.seqs.set(kind, Math.max(entry.seqs.get(kind) ?? 0, seq));
    entry.at = now;
    this.pending.set(key, entry);
  }

  /** True once the cache shows every write noted for the key (or the note expired); false after `timeoutMs`. */
  async satisfied(key: string, cache: ClusterCache, timeoutMs: number): Promise<boolean> {
    const entry = this.pending.get(key);
    if (!entry) return true;
    if (Date.now() - entry.at > EXPIRE_MS) {
      this.pending.delete(key);
      return true;
    }
    for (const [kind, seq] of entry.seqs) {
      if (!(await cache.waitFor(kind, seq, timeoutMs))) return false;
    }
    if (this.pending.get(key) === entry) this.pending.delete(key);
    return true;
  }

  get size(): number {
    return this.pending.size;
  }
}
