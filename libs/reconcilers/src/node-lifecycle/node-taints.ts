import { rfc3339 } from '../common/time';
import type { Node, Taint } from '../common/wire';

export const UNREACHABLE = 'node.kubernetes.io/unreachable';
export const NOT_READY = 'node.kubernetes.io/not-ready';

/**
 * The taints the node lifecycle controller owns, from the Ready condition: Unknown →
 * unreachable, False → not-ready, each with NoSchedule and NoExecute; True → none. Other
 * taints are kept; an existing taint keeps its timeAdded. Returns undefined when unchanged.
 */
export function desiredTaints(node: Node, now: Date): Taint[] | undefined {
  const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready')?.status;
  const key = ready === 'Unknown' ? UNREACHABLE : ready === 'False' ? NOT_READY : undefined;
  const current = node.spec?.taints ?? [];
  const others = current.filter((t) => t.key !== UNREACHABLE && t.key !== NOT_READY);
  const ours: Taint[] = [];
  if (key) {
    for (const effect of ['NoSchedule', 'NoExecute']) {
      const existing = current.find((t) => t.key === key && t.effect === effect);
      ours.push(existing ?? { key, effect, ...(effect === 'NoExecute' ? { timeAdded: rfc3339(now) } : {}) });
    }
  }
  const next = [...others, ...ours];
  const same = next.length === current.length && next.every((t) => current.includes(t));
  return same ? undefined : next;
}
