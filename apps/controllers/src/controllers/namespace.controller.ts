import { KINDS } from '@wake/events';
import { reconcileNamespace, type AnyObject, type Namespace } from '@wake/reconcilers';
import type { CacheEvent } from '../cache/cache-event';
import type { ClusterCache } from '../cache/cluster-cache';
import type { ControllerDefinition } from '../runner/controller';

const NAMESPACED = KINDS.filter((k) => k.namespaced).map((k) => k.kind);

/** A change inside a Terminating namespace moves its deletion along. */
function terminatingNamespaceOf(e: CacheEvent, cache: ClusterCache): string[] {
  const ns = e.object.metadata.namespace;
  return ns && cache.get<Namespace>('Namespace', '', ns)?.metadata?.deletionTimestamp ? [ns] : [];
}

/** Namespace deletion: Terminating, everything inside deleted, then the `kubernetes` finalizer removed. Keys are namespace names. */
export const namespaceController: ControllerDefinition = {
  name: 'namespace',
  component: 'namespace-controller',
  workers: 2,
  watches: {
    Namespace: (e) => (e.type === 'DELETED' ? [] : [e.object.metadata.name]),
    ...Object.fromEntries(NAMESPACED.map((kind) => [kind, terminatingNamespaceOf])),
  },
  reconcile(name, { cache, now }) {
    const ns = cache.get<Namespace>('Namespace', '', name);
    if (!ns?.metadata?.deletionTimestamp) return [];
    const contents = NAMESPACED.flatMap((kind) => cache.list<AnyObject>(kind, name));
    return reconcileNamespace(ns, contents, now());
  },
};
