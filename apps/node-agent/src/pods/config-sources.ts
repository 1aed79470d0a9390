import type { V1ConfigMap, V1Pod, V1Secret } from '@kubernetes/client-node';
import type { Informer } from '@wake/runtime';
import type { EnvLookups } from '../runtime/env';

/** EnvLookups over the ConfigMap and Secret informers (read from the agent's caches, never per pod). */
export function informerLookups(configMaps: Informer, secrets: Informer): Omit<EnvLookups, 'podIP' | 'hostIP'> {
  return {
    configMap: (ns, name) => configMaps.get(ns, name) as V1ConfigMap | undefined,
    secret: (ns, name) => secrets.get(ns, name) as V1Secret | undefined,
  };
}

/** Whether the pod reads the named ConfigMap or Secret (env, envFrom or a volume). */
export function podUses(pod: V1Pod, kind: 'ConfigMap' | 'Secret', name: string): boolean {
  const s = pod.spec;
  if (!s) return false;
  const vol = (s.volumes ?? []).some((v) => (kind === 'ConfigMap' ? v.configMap?.name === name : v.secret?.secretName === name)
    || (v.projected?.sources ?? []).some((p) => (kind === 'ConfigMap' ? p.configMap?.name : p.secret?.name) === name));
  if (vol) return true;
  return [...(s.initContainers ?? []), ...(s.containers ?? [])].some((c) =>
    (c.envFrom ?? []).some((f) => (kind === 'ConfigMap' ? f.configMapRef?.name : f.secretRef?.name) === name)
    || (c.env ?? []).some((e) => (kind === 'ConfigMap' ? e.valueFrom?.configMapKeyRef?.name : e.valueFrom?.secretKeyRef?.name) === name));
}
