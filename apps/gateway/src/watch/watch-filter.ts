import { intentOf, isRemoval, objectAt, type KubeObject, type StoredEvent } from '@wake/events';
import { selects, type Selection } from '../resources/list-query';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';
export interface WatchEvent { readonly type: WatchEventType; readonly object: KubeObject }

const keyOf = (e: { namespace?: string; name: string }) => `${e.namespace ?? ''}/${e.name}`;

/**
 * Turns log events of one kind into watch events for a selector, as the apiserver's watch
 * cache does: an object entering the selection is ADDED, changing inside it MODIFIED, leaving
 * it (or removed) DELETED. `initial` holds the keys the client already has as ADDED (from the
 * initial list); objects never seen fall back to the event's intent.
 */
export class WatchFilter {
  private readonly inside = new Set<string>();
  private readonly seen = new Set<string>();

  constructor(private readonly kind: string, private readonly selection: Selection, initial: Iterable<KubeObject> = []) {
    for (const o of initial) {
      const k = keyOf({ namespace: o.metadata.namespace, name: o.metadata.name });
      this.seen.add(k);
      if (selects(selection, kind, o)) this.inside.add(k);
    }
  }

  next(event: StoredEvent): WatchEvent | undefined {
    if (event.kind !== this.kind) return undefined;
    const key = keyOf(event);
    const object = objectAt(event);
    const removed = isRemoval(event);
    const matches = selects(this.selection, this.kind, object);
    const known = this.seen.has(key);
    const wasInside = known ? this.inside.has(key) : !removed && intentOf(event.type) !== 'Created' ? matches : removed && matches;
    this.seen.add(key);
    if (removed || !matches) {
      this.inside.delete(key);
      return wasInside ? { type: 'DELETED', object } : undefined;
    }
    this.inside.add(key);
    return { type: wasInside ? 'MODIFIED' : 'ADDED', object };
  }
}
