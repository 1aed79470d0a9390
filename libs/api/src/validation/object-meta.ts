/**
 * metadata rules shared by every kind (apimachinery ValidateObjectMeta / ValidateObjectMetaUpdate):
 * name or generateName, namespace presence, label and annotation syntax, annotation size, and the
 * fields that never change.
 */
import type { KindInfo } from '@wake/events';
import { changed, forbidden, immutable, invalid, required, tooLong, type Causes } from './causes';
import { each, labelValueProblems, nameCauses, nameMessage, qualifiedNameProblems } from './names';

export const MAX_ANNOTATIONS_BYTES = 256 * 1024;

type Meta = Record<string, unknown> & {
  name?: string; generateName?: string; namespace?: string;
  labels?: Record<string, string>; annotations?: Record<string, string>; finalizers?: string[];
};

export function validateObjectMeta(meta: Meta | undefined, info: KindInfo, old?: Meta): Causes {
  const m = meta ?? {};
  const out: Causes = [];
  if (m.generateName) {
    const prefix = m.generateName.replace(/-$/, 'a');
    const why = nameMessage(prefix, info.nameRule);
    if (why) out.push(invalid('metadata.generateName', m.generateName, why));
  }
  if (!m.name) {
    if (!m.generateName) out.push(required('metadata.name', 'name or generateName is required'));
  } else {
    out.push(...nameCauses('metadata.name', m.name, info.nameRule));
  }
  if (info.namespaced) {
    out.push(...nameCauses('metadata.namespace', m.namespace, 'dns-label'));
  } else if (m.namespace) {
    out.push(forbidden('metadata.namespace', 'not allowed on this type'));
  }
  out.push(...validateLabels(m.labels, 'metadata.labels'));
  out.push(...validateAnnotations(m.annotations, 'metadata.annotations'));
  (m.finalizers ?? []).forEach((f, i) => out.push(...each(`metadata.finalizers[${i}]`, f, qualifiedNameProblems(f))));
  if (old) out.push(...validateObjectMetaUpdate(m, old));
  return out;
}

export function validateLabels(labels: Record<string, unknown> | undefined, field: string): Causes {
  const out: Causes = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    out.push(...each(field, k, qualifiedNameProblems(k)));
    if (typeof v === 'string') out.push(...each(field, v, labelValueProblems(v)));
  }
  return out;
}

export function validateAnnotations(annotations: Record<string, unknown> | undefined, field: string): Causes {
  const out: Causes = [];
  let size = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    out.push(...each(field, k, qualifiedNameProblems(k.toLowerCase())));
    size += Buffer.byteLength(k) + Buffer.byteLength(typeof v === 'string' ? v : '');
  }
  if (size > MAX_ANNOTATIONS_BYTES) out.push(tooLong(field, MAX_ANNOTATIONS_BYTES));
  return out;
}

function validateObjectMetaUpdate(m: Meta, old: Meta): Causes {
  const out: Causes = [];
  for (const f of ['name', 'namespace', 'uid', 'creationTimestamp'] as const) {
    if (old[f] !== undefined && old[f] !== '' && m[f] !== undefined && changed(m[f], old[f])) {
      out.push(immutable(`metadata.${f}`, m[f]));
    }
  }
  return out;
}
