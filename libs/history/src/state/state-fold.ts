import { isRemoval, keyString, objectAt, type KubeObject, type ObjectKey, type StoredEvent } from '@wake/events';

/** What a fold keeps per object: enough to rebuild the object at its resourceVersion. */
export interface FoldEntry extends ObjectKey {
  readonly seq: number;
  readonly type: string;
  readonly object: KubeObject;
}

export interface StateQuery {
  readonly kind?: string;
  /** undefined: every namespace */
  readonly namespace?: string;
}

/**
 * The cluster's live objects folded from events in sequence order: `evolve(state, event)`.
 * A removal drops the object; an event older than the object's current one changes nothing,
 * so a fold is idempotent. Never throws.
 */
export class StateFold {
  private readonly live = new Map<string, FoldEntry>();
  /** The last sequence applied. */
  seq = 0;

  constructor(seed: Iterable<FoldEntry> = [], seedSeq = 0) {
    for (const e of seed) this.live.set(keyString(e), e);
    this.seq = seedSeq;
  }

  apply(e: StoredEvent | FoldEntry): void {
    if (e.seq > this.seq) this.seq = e.seq;
    const k = keyString(e);
    const cur = this.live.get(k);
    if (cur && cur.seq >= e.seq) return;
    if (isRemoval(e)) this.live.delete(k);
    else this.live.set(k, { kind: e.kind, namespace: e.namespace, name: e.name, seq: e.seq, type: e.type, object: e.object });
  }

  get size(): number {
    return this.live.size;
  }

  /** Every live entry (a copy: later applies do not change it). */
  entries(): FoldEntry[] {
    return [...this.live.values()];
  }

  /** Live objects matching the query, with resourceVersion set, ordered by kind, namespace, name. */
  objects(q: StateQuery = {}): KubeObject[] {
    return this.entries()
      .filter((e) => (q.kind === undefined || e.kind === q.kind) && (q.namespace === undefined || e.namespace === q.namespace))
      .sort(compareKeys)
      .map((e) => objectAt({ ...e, object: e.object } as StoredEvent));
  }
}

export function compareKeys(a: ObjectKey, b: ObjectKey): number {
  return cmp(a.kind, b.kind) || cmp(a.namespace, b.namespace) || cmp(a.name, b.name);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
