import type { V1ConfigMap, V1Pod, V1Secret } from '@kubernetes/client-node';
import type { Informer } from '@wake/runtime';
import { podReferences } from '@wake/store';
import type { EnvLookups } from '../runtime/env';

/** EnvLookups over the ConfigMap and Secret informers (read from the agent's caches, never per pod). */
export function informerLookups(configMaps: Informer, secrets: Informer): Omit<EnvLookups, 'podIP' | 'hostIP'> {
  return {
    configMap: (ns, name) => configMaps.get(ns, name) as V1ConfigMap | undefined,
    secret: (ns, name) => secrets.get(ns, name) as V1Secret | undefined,
  };
}

/**
 * Whether the pod reads the named ConfigMap or Secret (env, envFrom, volumes, projected sources,
 * imagePullSecrets): the same references that decide what a node may read (podReferences).
 */
export function podUses(pod: V1Pod, kind: 'ConfigMap' | 'Secret', name: string): boolean {
  const refs = podReferences(pod as Parameters<typeof podReferences>[0]);
  return (kind === 'ConfigMap' ? refs.configMaps : refs.secrets).includes(name);
}
