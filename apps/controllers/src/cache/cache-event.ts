import type { InformerEventType } from '@wake/runtime';
import type { KubeObject, StoredEvent } from '@wake/events';

/** A change the cache applied, with what the indexes held for the object before it. */
export interface CacheEvent {
  readonly type: InformerEventType;
  readonly kind: string;
  readonly object: KubeObject;
  /** The log event behind the change (absent for objects of the initial list). */
  readonly event?: StoredEvent;
  /** Owner uids the object had before this change (empty for ADDED). */
  readonly oldOwnerUids: readonly string[];
  /** The controller owner uid before this change. */
  readonly oldControllerUid?: string;
}

export type CacheHandler = (e: CacheEvent) => void;
