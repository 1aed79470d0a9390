import { isDeepStrictEqual } from 'node:util';
import { event, requeueAfter, seqOf, type Action } from '../common/action';
import type { Pod } from '../common/wire';
import { budgetStatus } from './budget-status';
import type { ScaleSources } from './expected-scale';
import type { PodDisruptionBudget } from './types';

export interface DisruptionObserved extends ScaleSources {
  /** The pods of the budget's namespace. */
  readonly pods: readonly Pod[];
}

/**
 * The disruption controller for one budget (kubernetes pkg/controller/disruption `sync`): the
 * status from the selected pods and their controllers' scale, written only when it changes;
 * a Warning when the count fails (the budget then allows nothing) or selects unmanaged pods; a
 * requeue when an approved eviction's grace in disruptedPods runs out.
 */
export function reconcileDisruptionBudget(pdb: PodDisruptionBudget, observed: DisruptionObserved, now: Date): Action[] {
  if (pdb.metadata?.deletionTimestamp) return [];
  const r = budgetStatus(pdb, observed.pods, observed, now);
  const actions: Action[] = [];
  if (!isDeepStrictEqual(r.status, pdb.status ?? {})) {
    actions.push({ type: 'updateStatus', object: { ...pdb, status: r.status }, expectSeq: seqOf(pdb), intent: 'StatusUpdated' });
    if (r.error) actions.push(event(pdb, 'Warning', 'CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: ${r.error}`));
    if (r.unmanaged.length) {
      actions.push(event(pdb, 'Warning', 'UnmanagedPods', `Pods selected by this PodDisruptionBudget (selector: ${JSON.stringify(pdb.spec?.selector ?? null)}) were found to be unmanaged. `
        + 'As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.'));
    }
  }
  if (r.recheckAt !== undefined) actions.push(requeueAfter((r.recheckAt - now.getTime()) / 1000));
  return actions;
}
