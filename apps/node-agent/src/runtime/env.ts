import type { V1ConfigMap, V1Container, V1EnvVar, V1Pod, V1Secret } from '@kubernetes/client-node';
import { effectiveResources } from './resources';
import { parseQuantity } from './quantity';
import { expandVars } from './expand-vars';

/** What env resolution needs from outside the pod (read by the caller, passed in). */
export interface EnvLookups {
  configMap(namespace: string, name: string): V1ConfigMap | undefined;
  secret(namespace: string, name: string): V1Secret | undefined;
  readonly podIP?: string;
  readonly hostIP?: string;
  /** Node allocatable, used by resourceFieldRef when the container sets no limit. */
  readonly nodeAllocatable?: { cpu?: number; memory?: number };
}

export type EnvResult =
  | { readonly ok: true; readonly env: readonly { name: string; value: string }[] }
  | { readonly ok: false; readonly reason: 'CreateContainerConfigError'; readonly message: string };

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

export function decodeConfigMap(cm: V1ConfigMap): Record<string, string> {
  const out: Record<string, string> = { ...(cm.data ?? {}) };
  for (const [k, v] of Object.entries(cm.binaryData ?? {})) out[k] = Buffer.from(v, 'base64').toString('utf8');
  return out;
}

export function decodeSecret(s: V1Secret): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.data ?? {})) out[k] = Buffer.from(v, 'base64').toString('utf8');
  return { ...out, ...(s.stringData ?? {}) };
}

class ConfigError extends Error {}

/**
 * The container's environment as the kubelet computes it: envFrom first (prefix, invalid names
 * skipped), then env in order (later wins), `$(VAR)` expanded against what came before.
 * A missing non-optional ConfigMap/Secret or key is a CreateContainerConfigError.
 */
export function resolveEnv(container: V1Container, pod: V1Pod, lookups: EnvLookups): EnvResult {
  const ns = pod.metadata?.namespace ?? 'default';
  const vars = new Map<string, string>();
  try {
    for (const from of container.envFrom ?? []) {
      const data = from.configMapRef
        ? source(lookups, ns, 'configmap', from.configMapRef.name, from.configMapRef.optional)
        : from.secretRef
          ? source(lookups, ns, 'secret', from.secretRef.name, from.secretRef.optional)
          : undefined;
      for (const [k, v] of Object.entries(data ?? {})) {
        const name = `${from.prefix ?? ''}${k}`;
        if (ENV_NAME.test(name)) vars.set(name, v);
      }
    }
    for (const e of container.env ?? []) {
      const value = envValue(e, container, pod, lookups, ns, vars);
      if (value !== undefined) vars.set(e.name, value);
    }
  } catch (err) {
    if (err instanceof ConfigError) return { ok: false, reason: 'CreateContainerConfigError', message: err.message };
    throw err;
  }
  return { ok: true, env: [...vars].map(([name, value]) => ({ name, value })) };
}

function source(l: EnvLookups, ns: string, kind: 'configmap' | 'secret', name: string | undefined, optional?: boolean) {
  const obj = kind === 'configmap' ? l.configMap(ns, name ?? '') : l.secret(ns, name ?? '');
  if (!obj) {
    if (optional) return undefined;
    throw new ConfigError(`${kind} "${name}" not found`);
  }
  return kind === 'configmap' ? decodeConfigMap(obj as V1ConfigMap) : decodeSecret(obj as V1Secret);
}

function keyRef(l: EnvLookups, ns: string, kind: 'configmap' | 'secret', ref: { name?: string; key: string; optional?: boolean }) {
  const data = source(l, ns, kind, ref.name, ref.optional);
  if (data === undefined) return undefined;
  if (!(ref.key in data)) {
    if (ref.optional) return undefined;
    throw new ConfigError(`couldn't find key ${ref.key} in ${kind === 'configmap' ? 'ConfigMap' : 'Secret'} ${ns}/${ref.name}`);
  }
  return data[ref.key];
}

function envValue(e: V1EnvVar, c: V1Container, pod: V1Pod, l: EnvLookups, ns: string, vars: Map<string, string>): string | undefined {
  if (e.valueFrom?.configMapKeyRef) return keyRef(l, ns, 'configmap', e.valueFrom.configMapKeyRef);
  if (e.valueFrom?.secretKeyRef) return keyRef(l, ns, 'secret', e.valueFrom.secretKeyRef);
  if (e.valueFrom?.fieldRef) return fieldValue(e.valueFrom.fieldRef.fieldPath, pod, l);
  if (e.valueFrom?.resourceFieldRef) {
    const r = e.valueFrom.resourceFieldRef;
    const target = r.containerName ? [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((x) => x.name === r.containerName) : c;
    return resourceValue(r.resource, r.divisor, target ?? c, l);
  }
  return expandVars(e.value ?? '', vars);
}

export function fieldValue(path: string, pod: V1Pod, l: EnvLookups): string {
  const m = pod.metadata ?? {};
  const mapKey = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (mapKey) return (mapKey[1] === 'labels' ? m.labels : m.annotations)?.[mapKey[2]] ?? '';
  switch (path) {
    case 'metadata.name': return m.name ?? '';
    case 'metadata.namespace': return m.namespace ?? 'default';
    case 'metadata.uid': return m.uid ?? '';
    case 'metadata.labels': return formatMap(m.labels);
    case 'metadata.annotations': return formatMap(m.annotations);
    case 'spec.nodeName': return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName': return pod.spec?.serviceAccountName ?? '';
    case 'status.podIP': return l.podIP ?? pod.status?.podIP ?? '';
    case 'status.podIPs': return l.podIP ?? (pod.status?.podIPs ?? []).map((p) => p.ip).join(',');
    case 'status.hostIP': return l.hostIP ?? pod.status?.hostIP ?? '';
    case 'status.hostIPs': return l.hostIP ?? (pod.status?.hostIPs ?? []).map((p) => p.ip).join(',');
    default: throw new ConfigError(`unsupported fieldRef fieldPath "${path}"`);
  }
}

const formatMap = (o: Record<string, string> | undefined) =>
  Object.keys(o ?? {}).sort().map((k) => `${k}="${o![k]}"`).join('\n');

function resourceValue(resource: string, divisor: string | undefined, c: V1Container, l: EnvLookups): string {
  const { limits, requests } = effectiveResources(c);
  const [kind, name] = resource.split('.') as ['limits' | 'requests', string];
  if (name !== 'cpu' && name !== 'memory') throw new ConfigError(`unsupported resourceFieldRef resource "${resource}"`);
  const value = kind === 'limits' ? limits[name] ?? l.nodeAllocatable?.[name] ?? 0 : requests[name] ?? 0;
  const div = parseQuantity(divisor) || 1;
  return String(Math.ceil(value / div - 1e-9));
}
