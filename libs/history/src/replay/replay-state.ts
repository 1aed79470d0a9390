import { isRemoval, keyString, objectAt, type KubeObject, type ObjectKey, type StoredEvent } from '@wake/events';
import type { FoldEntry } from '../state/state-fold';

/** What applying one event replaced: enough to step the state back over it. */
export interface UndoStep {
  readonly key: string;
  readonly previous: FoldEntry | undefined;
  /** False when the event was older than the object's current version and changed nothing. */
  readonly applied: boolean;
}

/**
 * The replay's view of the cluster: live objects by kind, folded from events in order with
 * StateFold's rule (a removal drops the object; an older event changes nothing). Unlike
 * StateFold it can step back over an event (`undo`), so a decision can be re-run on the
 * slightly older states its component may have seen, and it lists one kind cheaply.
 */
export class ReplayState {
  private readonly byKind = new Map<string, Map<string, FoldEntry>>();

  constructor(seed: Iterable<FoldEntry> = []) {
    for (const e of seed) this.set(keyString(e), e);
  }

  /** Applies an event; returns how to undo it. */
  apply(e: StoredEvent): UndoStep {
    const key = keyString(e);
    const previous = this.entry(e.kind, key);
    if (previous && previous.seq >= e.seq) return { key, previous, applied: false };
    if (isRemoval(e)) this.remove(e.kind, key);
    else this.set(key, { kind: e.kind, namespace: e.namespace, name: e.name, seq: e.seq, type: e.type, object: e.object });
    return { key, previous, applied: true };
  }

  /** Steps back over an applied event (given the step `apply` returned for it). */
  undo(e: Pick<StoredEvent, 'kind'>, step: UndoStep): void {
    if (step.previous) this.set(step.key, step.previous);
    else this.remove(e.kind, step.key);
  }

  /** Puts an object in place as this entry (used to keep a component's own in-flight writes). */
  put(entry: FoldEntry): void {
    this.set(keyString(entry), entry);
  }

  get(key: ObjectKey): KubeObject | undefined {
    const e = this.entry(key.kind, keyString(key));
    return e ? at(e) : undefined;
  }

  /** Live objects of a kind (in one namespace when given), with resourceVersion set. */
  list(kind: string, namespace?: string): KubeObject[] {
    const out: KubeObject[] = [];
    for (const e of this.byKind.get(kind)?.values() ?? []) if (namespace === undefined || e.namespace === namespace) out.push(at(e));
    return out;
  }

  copy(): ReplayState {
    const c = new ReplayState();
    for (const [kind, m] of this.byKind) c.byKind.set(kind, new Map(m));
    return c;
  }

  private entry(kind: string, key: string): FoldEntry | undefined {
    return this.byKind.get(kind)?.get(key);
  }

  private set(key: string, e: FoldEntry): void {
    let m = this.byKind.get(e.kind);
    if (!m) this.byKind.set(e.kind, (m = new Map()));
    m.set(key, e);
  }

  private remove(kind: string, key: string): void {
    this.byKind.get(kind)?.delete(key);
  }
}

const at = (e: FoldEntry): KubeObject => objectAt({ seq: e.seq, object: e.object } as StoredEvent);
