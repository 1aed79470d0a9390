import type { Code } from './framework';

export interface Rejection {
  readonly node: string;
  readonly plugin: string;
  readonly code: Code;
  readonly reasons: readonly string[];
}

function histogram(reasons: Iterable<string>): string {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([reason, n]) => `${n} ${reason}`).sort().join(', ');
}

/**
 * kube-scheduler's FitError message: `0/N nodes are available: <count reason, …sorted>.`, then the
 * default preemption plugin's verdict. Wake does not preempt, so the verdict is what kube-scheduler
 * says when no victim exists: nodes rejected as UnschedulableAndUnresolvable are "not helpful",
 * the others have "no victims".
 */
export function unschedulableMessage(numAllNodes: number, rejected: readonly Rejection[], preemption: 'victims' | 'never' | 'none' = 'victims'): string {
  if (numAllNodes === 0) return 'no nodes available to schedule pods';
  let msg = `0/${numAllNodes} nodes are available:`;
  const filterMsg = histogram(rejected.flatMap((r) => r.reasons));
  if (filterMsg) msg += ` ${filterMsg}.`;
  if (preemption === 'never') msg += ' preemption: not eligible due to preemptionPolicy=Never.';
  else if (preemption === 'victims') {
    const verdicts = rejected.map((r) => (r.code === 'Unschedulable' ? 'No preemption victims found for incoming pod' : 'Preemption is not helpful for scheduling'));
    for (let i = rejected.length; i < numAllNodes; i++) verdicts.push('Preemption is not helpful for scheduling');
    msg += ` preemption: 0/${numAllNodes} nodes are available: ${histogram(verdicts)}.`;
  }
  return msg;
}
