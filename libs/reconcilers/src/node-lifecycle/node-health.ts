import { millis, rfc3339 } from '../common/time';
import type { Lease, Node } from '../common/wire';

export const DEFAULT_NODE_MONITOR_GRACE_SECONDS = 40;
type NodeCondition = NonNullable<NonNullable<Node['status']>['conditions']>[number];
const MONITORED = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

/** The last sign of life: the lease's renewTime or the Ready condition's heartbeat, whichever is later. */
export function lastHeartbeat(node: Node, lease: Lease | undefined): number | undefined {
  const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready');
  const times = [millis(lease?.spec?.renewTime), millis(ready?.lastHeartbeatTime)].filter((t): t is number => t !== undefined);
  return times.length ? Math.max(...times) : millis(node.metadata?.creationTimestamp);
}

export interface HealthVerdict {
  /** New conditions when the node went silent and they must become Unknown. */
  conditions?: NodeCondition[];
  /** Seconds until the grace period would run out (when the node is still healthy). */
  recheckIn?: number;
}

/**
 * `monitorNodeHealth`: a node whose last heartbeat is older than the grace period gets its
 * Ready (and pressure) conditions set to Unknown, reason NodeStatusUnknown, message
 * `Kubelet stopped posting node status.`; missing ones are added as NodeStatusNeverUpdated.
 * Ready=True again is the node agent's to report.
 */
export function nodeHealth(node: Node, lease: Lease | undefined, now: Date, graceSeconds = DEFAULT_NODE_MONITOR_GRACE_SECONDS): HealthVerdict {
  const last = lastHeartbeat(node, lease) ?? now.getTime();
  const deadline = last + graceSeconds * 1000;
  if (now.getTime() <= deadline) return { recheckIn: (deadline - now.getTime()) / 1000 + 1 };
  const current = node.status?.conditions ?? [];
  const t = rfc3339(now);
  let changed = false;
  const next = current.map((c) => {
    if (!MONITORED.includes(c.type) || c.status === 'Unknown') return c;
    changed = true;
    return { ...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: t };
  });
  for (const type of MONITORED) {
    if (current.some((c) => c.type === type)) continue;
    changed = true;
    next.push({ type, status: 'Unknown', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.', lastHeartbeatTime: t, lastTransitionTime: t });
  }
  return changed ? { conditions: next } : {};
}
