import type { Action } from '@wake/reconcilers';

export type WriteAction = Exclude<Action, { type: 'event' } | { type: 'requeueAfter' }>;
export type EventAction = Extract<Action, { type: 'event' }>;

/** A write and the Events that report it (the `event` actions right after it). */
export interface Step {
  readonly write?: WriteAction;
  readonly events: EventAction[];
}

export interface Plan {
  readonly steps: Step[];
  /** The soonest requeueAfter, in seconds, if any. */
  readonly requeueAfter?: number;
}

/**
 * Groups a reconciler's actions: each write with the Events that follow it (recorded only if
 * the write succeeds), leading Events on their own, and the soonest requeueAfter.
 */
export function planSteps(actions: readonly Action[]): Plan {
  const steps: Array<{ write?: WriteAction; events: EventAction[] }> = [];
  let requeueAfter: number | undefined;
  for (const a of actions) {
    if (a.type === 'requeueAfter') requeueAfter = Math.min(requeueAfter ?? Infinity, a.seconds);
    else if (a.type === 'event') {
      if (!steps.length) steps.push({ events: [] });
      steps[steps.length - 1].events.push(a);
    } else steps.push({ write: a, events: [] });
  }
  return { steps, requeueAfter };
}

/**
 * Runs of consecutive creates (or deletes) are independent of each other and may be applied
 * concurrently; everything else is applied one at a time, in order.
 */
export function batches(steps: readonly Step[]): Step[][] {
  const out: Step[][] = [];
  for (const s of steps) {
    const last = out[out.length - 1];
    const t = s.write?.type;
    const parallel = t === 'create' || t === 'delete';
    if (parallel && last && last[0].write?.type === t) last.push(s);
    else out.push([s]);
  }
  return out;
}
