import { rfc3339 } from '../common/time';
import type { Namespace } from '../common/wire';

type NamespaceCondition = NonNullable<NonNullable<Namespace['status']>['conditions']>[number];

/** Conditions the Kubernetes namespace controller keeps on a Terminating namespace. */
export function deletionConditions(
  current: readonly NamespaceCondition[] | undefined,
  remaining: string | undefined,
  finalizersRemaining: string | undefined,
  now: Date,
): NamespaceCondition[] {
  const want: Array<[string, boolean, string, string]> = [
    ['NamespaceDeletionDiscoveryFailure', false, 'ResourcesDiscovered', 'All resources successfully discovered'],
    ['NamespaceDeletionGroupVersionParsingFailure', false, 'ParsedGroupVersions', 'All legacy kube types successfully parsed'],
    ['NamespaceDeletionContentFailure', false, 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'],
    remaining
      ? ['NamespaceContentRemaining', true, 'SomeResourcesRemain', `Some resources are remaining: ${remaining}`]
      : ['NamespaceContentRemaining', false, 'ContentRemoved', 'All content successfully removed'],
    finalizersRemaining
      ? ['NamespaceFinalizersRemaining', true, 'SomeFinalizersRemain', `Some content in the namespace has finalizers remaining: ${finalizersRemaining}`]
      : ['NamespaceFinalizersRemaining', false, 'ContentHasNoFinalizers', 'All content-preserving finalizers finished'],
  ];
  return want.map(([type, on, reason, message]) => {
    const status = on ? 'True' : 'False';
    const old = (current ?? []).find((c) => c.type === type);
    if (old && old.status === status && old.reason === reason && old.message === message) return old;
    return { type, status, reason, message, lastTransitionTime: old && old.status === status ? old.lastTransitionTime : rfc3339(now) };
  });
}
