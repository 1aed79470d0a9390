import { intentOf, type StoredEvent } from '@wake/events';
import type { FieldChange } from '../diff/json-diff';

/** Which revisions `wake history` and `wake timeline` leave out. */
export interface NoiseFilter {
  /** Hide revisions that changed nothing but `status` (and the bookkeeping fields around it). */
  readonly hideStatus?: boolean;
  /** Hide heartbeats: Lease renewals and Node status reports that only move heartbeat times. */
  readonly hideHeartbeats?: boolean;
}

const STATUS_INTENTS = new Set(['StatusUpdated', 'StatusReported']);
const HEARTBEAT_INTENTS = new Set(['Renewed', 'Heartbeat']);
const LEASE_TICK = /^spec\.(renewTime|acquireTime|leaseTransitions)$/;
const NODE_TICK = /^status\.conditions\[(\d+|type=[^\]]+)\]\.lastHeartbeatTime$/;

/** A change confined to `status` (its first path segment is status). */
export function isStatusOnly(event: Pick<StoredEvent, 'type'>, changes: readonly FieldChange[] | undefined): boolean {
  if (changes === undefined) return STATUS_INTENTS.has(intentOf(event.type));
  if (changes.length === 0) return STATUS_INTENTS.has(intentOf(event.type));
  return changes.every((c) => c.path === 'status' || c.path.startsWith('status.') || c.path.startsWith('status['));
}

/**
 * A heartbeat: a Lease renewal (intent Renewed, or a Lease update that only moves its
 * renew time), or a Node status report whose only changes are heartbeat times.
 * `changes` undefined means the previous revision is unknown: the intent decides alone.
 */
export function isHeartbeat(event: Pick<StoredEvent, 'type' | 'kind'>, changes: readonly FieldChange[] | undefined): boolean {
  const intent = intentOf(event.type);
  if (HEARTBEAT_INTENTS.has(intent)) return true;
  if (!changes) return false;
  if (event.kind === 'Lease' && intent !== 'Created' && intent !== 'Deleted') {
    return changes.length > 0 && changes.every((c) => LEASE_TICK.test(c.path));
  }
  if (event.kind === 'Node' && STATUS_INTENTS.has(intent)) {
    return changes.every((c) => NODE_TICK.test(c.path));
  }
  return false;
}

/** Whether a revision is hidden under the filter. */
export function isNoise(event: Pick<StoredEvent, 'type' | 'kind'>, changes: readonly FieldChange[] | undefined, f: NoiseFilter): boolean {
  if (f.hideHeartbeats && isHeartbeat(event, changes)) return true;
  const intent = intentOf(event.type);
  if (f.hideStatus && intent !== 'Created' && intent !== 'Deleted' && isStatusOnly(event, changes)) return true;
  return false;
}
