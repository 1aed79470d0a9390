import { WakeError, type KindInfo } from '@wake/events';
import { resolveKind } from '../print/kind-arg';
import type { StateQuery } from './state-fold';

/** What `state --at` folds: one kind (as kubectl users type it) or all, one namespace or all. */
export interface StateSelection extends StateQuery {
  readonly info?: KindInfo;
}

/** The selection the words mean; an unknown kind is a BadRequest error. */
export function stateQueryOf(kindArg: string | undefined, namespace: string | undefined): StateSelection {
  const info = kindArg ? resolveKind(kindArg) : undefined;
  if (kindArg && !info) throw new WakeError('BadRequest', `unknown kind "${kindArg}"`);
  return { ...(info ? { kind: info.kind, info } : {}), ...(namespace !== undefined ? { namespace } : {}) };
}

/** Whether a table of the selection shows a NAMESPACE column (kubectl's --all-namespaces look). */
export function showsAllNamespaces(s: StateSelection): boolean {
  return s.namespace === undefined && (!s.info || s.info.namespaced);
}
