import { join, posix } from 'node:path';
import type { V1Container, V1KeyToPath, V1Pod, V1Volume } from '@kubernetes/client-node';
import { decodeConfigMap, decodeSecret, type EnvLookups } from './env';

/** Where a pod volume lives on the host, and how to prepare it. */
export interface HostVolume {
  readonly name: string;
  readonly type: 'emptyDir' | 'hostPath' | 'configMap' | 'secret' | 'persistentVolumeClaim';
  readonly hostPath: string;
  readonly readOnly: boolean;
  /** hostPath types DirectoryOrCreate / FileOrCreate; emptyDir, configMap, secret and claim volumes are folders Wake creates. */
  readonly create?: 'directory' | 'file';
}

export const podDir = (dataDir: string, uid: string) => join(dataDir, 'pods', uid);

/**
 * A PersistentVolumeClaim realised as a node-local folder, outside every pod's folder: it is
 * created on first use and never removed with the pod, so a StatefulSet pod recreated on the
 * same node (same claim name) finds its data again.
 */
export const claimDir = (dataDir: string, namespace: string, claimName: string) => join(dataDir, 'pvc', namespace, claimName);

/** The host side of every supported volume; unsupported volume types are left out. */
export function podVolumes(pod: V1Pod, dataDir: string): Map<string, HostVolume> {
  const base = join(podDir(dataDir, pod.metadata?.uid ?? 'unknown'), 'volumes');
  const ns = pod.metadata?.namespace ?? 'default';
  const out = new Map<string, HostVolume>();
  for (const v of pod.spec?.volumes ?? []) {
    const claim = v.persistentVolumeClaim?.claimName;
    if (claim !== undefined) {
      if (!safeSegment(ns) || !safeSegment(claim)) continue; // not a valid object name: unsupported
      out.set(v.name, { name: v.name, type: 'persistentVolumeClaim', hostPath: claimDir(dataDir, ns, claim), readOnly: v.persistentVolumeClaim!.readOnly ?? false, create: 'directory' });
      continue;
    }
    const hv = hostVolume(v, base);
    if (hv) out.set(v.name, hv);
  }
  return out;
}

const safeSegment = (s: string) => s !== '' && s !== '.' && s !== '..' && !s.includes('/') && !s.includes('\\') && !s.includes('\0');

function hostVolume(v: V1Volume, base: string): HostVolume | undefined {
  if (v.emptyDir) return { name: v.name, type: 'emptyDir', hostPath: join(base, 'empty-dir', v.name), readOnly: false, create: 'directory' };
  if (v.hostPath) {
    const create = v.hostPath.type === 'DirectoryOrCreate' ? 'directory' : v.hostPath.type === 'FileOrCreate' ? 'file' : undefined;
    return { name: v.name, type: 'hostPath', hostPath: v.hostPath.path, readOnly: false, create };
  }
  if (v.configMap) return { name: v.name, type: 'configMap', hostPath: join(base, 'configmap', v.name), readOnly: true, create: 'directory' };
  if (v.secret) return { name: v.name, type: 'secret', hostPath: join(base, 'secret', v.name), readOnly: true, create: 'directory' };
  return undefined;
}

export type BindsResult = { ok: true; binds: string[] } | { ok: false; message: string };

/** volumeMounts → Docker Binds (`host:container:ro|rw`), honouring subPath and readOnly. */
export function containerBinds(c: V1Container, volumes: ReadonlyMap<string, HostVolume>): BindsResult {
  const binds: string[] = [];
  for (const m of c.volumeMounts ?? []) {
    const v = volumes.get(m.name);
    if (!v) return { ok: false, message: `volume "${m.name}" not found or unsupported` };
    if (m.subPath && (posix.isAbsolute(m.subPath) || m.subPath.split('/').includes('..'))) {
      return { ok: false, message: `invalid subPath "${m.subPath}"` };
    }
    const host = m.subPath ? join(v.hostPath, m.subPath) : v.hostPath;
    binds.push(`${host}:${m.mountPath}:${m.readOnly || v.readOnly ? 'ro' : 'rw'}`);
  }
  return { ok: true, binds };
}

export interface ProjectedFile {
  readonly path: string;
  readonly content: Buffer;
  readonly mode: number;
}

export type ProjectionResult = { ok: true; files: ProjectedFile[] } | { ok: false; message: string };

/**
 * The files a configMap or secret volume holds: every key, or only `items` (key → path, with
 * mode), defaultMode 0644. A missing non-optional source or key is an error, as in the kubelet.
 */
export function projectVolume(v: V1Volume, namespace: string, lookups: Pick<EnvLookups, 'configMap' | 'secret'>): ProjectionResult {
  const src = v.configMap
    ? { kind: 'configmap', name: v.configMap.name ?? '', items: v.configMap.items, mode: v.configMap.defaultMode, optional: v.configMap.optional }
    : v.secret
      ? { kind: 'secret', name: v.secret.secretName ?? '', items: v.secret.items, mode: v.secret.defaultMode, optional: v.secret.optional }
      : undefined;
  if (!src) return { ok: true, files: [] };
  const obj = src.kind === 'configmap' ? lookups.configMap(namespace, src.name) : lookups.secret(namespace, src.name);
  if (!obj) return src.optional ? { ok: true, files: [] } : { ok: false, message: `${src.kind} "${src.name}" not found` };
  const raw = src.kind === 'configmap' ? rawConfigMap(obj) : rawSecret(obj);
  const mode = src.mode ?? 0o644;
  const items: V1KeyToPath[] = src.items ?? Object.keys(raw).sort().map((key) => ({ key, path: key }));
  const files: ProjectedFile[] = [];
  for (const it of items) {
    if (!(it.key in raw)) {
      if (src.optional) continue;
      return { ok: false, message: `couldn't find key ${it.key} in ${src.kind === 'configmap' ? 'ConfigMap' : 'Secret'} ${namespace}/${src.name}` };
    }
    if (posix.isAbsolute(it.path) || it.path.split('/').some((p) => p === '..' || p.startsWith('..'))) {
      return { ok: false, message: `invalid path "${it.path}"` };
    }
    files.push({ path: it.path, content: raw[it.key], mode: it.mode ?? mode });
  }
  return { ok: true, files };
}

function rawConfigMap(cm: Parameters<typeof decodeConfigMap>[0]): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const [k, v] of Object.entries(cm.data ?? {})) out[k] = Buffer.from(v, 'utf8');
  for (const [k, v] of Object.entries(cm.binaryData ?? {})) out[k] = Buffer.from(v, 'base64');
  return out;
}

function rawSecret(s: Parameters<typeof decodeSecret>[0]): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const [k, v] of Object.entries(s.data ?? {})) out[k] = Buffer.from(v, 'base64');
  for (const [k, v] of Object.entries(s.stringData ?? {})) out[k] = Buffer.from(v, 'utf8');
  return out;
}
