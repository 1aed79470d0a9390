import { intentOf, isRemoval, type StoredEvent } from '@wake/events';
import { diffObjects, type FieldChange } from '../diff/json-diff';
import { isNoise, type NoiseFilter } from '../noise/noise';

/** One retained revision of an object, as `wake history` shows it. */
export interface Revision {
  readonly seq: number;
  readonly time: string;
  readonly type: string;
  readonly intent: string;
  readonly actor: string;
  readonly uid: string;
  readonly correlationId: string;
  readonly causationId?: string;
  /** Changes from the previous retained revision; undefined for the first one (or a re-creation). */
  readonly changes?: FieldChange[];
  readonly removed: boolean;
  readonly detail?: Record<string, unknown>;
}

export interface RevisionList {
  readonly revisions: Revision[];
  /** How many revisions the noise filter left out. */
  readonly hidden: number;
}

/**
 * Every revision of one object from its events (oldest first), each diffed against the
 * revision just before it — hidden ones included, so a shown diff never spans a hidden one
 * silently. A creation after a removal starts a new incarnation: no diff.
 */
export function buildRevisions(events: readonly StoredEvent[], filter: NoiseFilter = {}): RevisionList {
  const revisions: Revision[] = [];
  let hidden = 0;
  let prev: StoredEvent | undefined;
  for (const e of events) {
    const fresh = !prev || isRemoval(prev) || prev.uid !== e.uid;
    const changes = fresh ? undefined : diffObjects(prev!.object, e.object);
    prev = e;
    if (isNoise(e, changes, filter)) { hidden++; continue; }
    revisions.push({
      seq: e.seq, time: e.time, type: e.type, intent: intentOf(e.type), actor: e.actor, uid: e.uid,
      correlationId: e.correlationId,
      ...(e.causationId ? { causationId: e.causationId } : {}),
      ...(changes ? { changes } : {}),
      removed: isRemoval(e),
      ...(e.detail ? { detail: e.detail } : {}),
    });
  }
  return { revisions, hidden };
}
