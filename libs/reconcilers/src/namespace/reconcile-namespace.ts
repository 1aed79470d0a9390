import { type Action, refOf, requeueAfter, seqOf } from '../common/action';
import { millis } from '../common/time';
import type { AnyObject, Namespace } from '../common/wire';
import { canonicalJson } from '../deployment/pod-template-hash';
import { deletionConditions } from './namespace-conditions';

export const KUBERNETES_FINALIZER = 'kubernetes';
/** How soon to look again while content is still going away and no better estimate exists. */
export const DEFAULT_RECHECK_SECONDS = 5;

/** The resource name Kubernetes prints for a kind (`pods`, `replicasets.apps`). Naive plural. */
function groupResource(obj: AnyObject): string {
  const kind = (obj.kind ?? 'object').toLowerCase();
  const plural = kind === 'endpoints' ? kind : kind.endsWith('s') ? `${kind}es` : kind.endsWith('y') ? `${kind.slice(0, -1)}ies` : `${kind}s`;
  const group = (obj.apiVersion ?? '').includes('/') ? (obj.apiVersion ?? '').split('/')[0] : '';
  return group ? `${plural}.${group}` : plural;
}

function summary(counts: Map<string, number>, unit: string): string | undefined {
  if (counts.size === 0) return undefined;
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} has ${n} ${unit}`).join(', ');
}

/**
 * Namespace controller: a namespace with a deletionTimestamp is Terminating; everything in it
 * is deleted (Background); once nothing is left, the `kubernetes` finalizer is removed from
 * spec.finalizers (the `finalize` subresource: an `update` with intent `Finalized`) and the
 * shared object library removes the namespace when no finalizer remains.
 *
 * `contents`: every object in the namespace, of every namespaced kind.
 */
export function reconcileNamespace(ns: Namespace, contents: readonly AnyObject[], now: Date): Action[] {
  if (!ns.metadata?.deletionTimestamp) return [];
  const name = ns.metadata.name;
  const inside = contents.filter((o) => o.metadata?.namespace === name);
  const actions: Action[] = [];
  const remaining = new Map<string, number>();
  const finalizers = new Map<string, number>();
  let soonest: number | undefined;
  for (const obj of inside) {
    const gr = groupResource(obj);
    remaining.set(gr, (remaining.get(gr) ?? 0) + 1);
    for (const f of obj.metadata?.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1);
    if (!obj.metadata?.deletionTimestamp) {
      actions.push({ type: 'delete', key: refOf(obj), propagation: 'Background', intent: 'Deleted' });
    } else {
      const due = millis(obj.metadata.deletionTimestamp);
      const wait = due === undefined ? DEFAULT_RECHECK_SECONDS : Math.max(1, (due - now.getTime()) / 1000);
      soonest = soonest === undefined ? wait : Math.min(soonest, wait);
    }
  }

  const conditions = deletionConditions(ns.status?.conditions, summary(remaining, 'resource instances'), summary(finalizers, 'resource instances'), now);
  const status = { ...ns.status, phase: 'Terminating', conditions };
  if (inside.length === 0) {
    const specFinalizers = ns.spec?.finalizers ?? [];
    if (specFinalizers.includes(KUBERNETES_FINALIZER)) {
      const spec = { ...ns.spec, finalizers: specFinalizers.filter((f) => f !== KUBERNETES_FINALIZER) };
      return [{ type: 'update', object: { ...ns, spec, status }, expectSeq: seqOf(ns), intent: 'Finalized' }];
    }
    return [];
  }
  if (canonicalJson(status) !== canonicalJson(ns.status ?? {})) {
    actions.push({ type: 'updateStatus', object: { ...ns, status }, expectSeq: seqOf(ns), intent: 'StatusUpdated' });
  }
  actions.push(requeueAfter(soonest ?? DEFAULT_RECHECK_SECONDS));
  return actions;
}
