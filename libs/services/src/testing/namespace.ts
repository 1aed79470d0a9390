import type { ObjectStore } from '@wake/store';

/** Creates the `default` namespace (the store refuses namespaced objects without it). */
export async function createDefaultNamespace(store: ObjectStore): Promise<void> {
  await store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }, { actor: { type: 'user', name: 'admin' } });
}
