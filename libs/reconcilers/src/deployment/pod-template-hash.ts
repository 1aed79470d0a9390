import { safeEncodeString } from '../common/names';
import type { PodTemplateSpec } from '../common/wire';

export const POD_TEMPLATE_HASH = 'pod-template-hash';

/**
 * Canonical JSON: object keys sorted, `undefined` dropped. Two templates that are equal as
 * JSON values give the same string whatever their key order.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function fnv32a(bytes: Uint8Array, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * `controller.ComputeHash`, Wake's flavour: FNV-32a over the template's canonical JSON
 * (Kubernetes hashes a spew dump of the Go struct, which we cannot reproduce byte for byte),
 * then the collision count as 4 little-endian bytes when set, then the decimal digits of the
 * sum mapped onto the safe alphabet (`rand.SafeEncodeString`), e.g. `5d8f7c9b4`.
 * Identical templates (ignoring key order and an existing pod-template-hash label) give the
 * same hash; a different collisionCount gives a different one.
 */
export function computeHash(template: PodTemplateSpec | undefined, collisionCount?: number): string {
  const bytes = new TextEncoder().encode(canonicalJson(withoutHashLabel(template)));
  let h = fnv32a(bytes);
  if (collisionCount !== undefined && collisionCount !== null) {
    const c = new Uint8Array(4);
    new DataView(c.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(c, h);
  }
  return safeEncodeString(String(h));
}

/** A copy of the template without the pod-template-hash label (empty labels dropped). */
export function withoutHashLabel(template: PodTemplateSpec | undefined): PodTemplateSpec {
  const t = structuredClone(template ?? {});
  if (t.metadata?.labels) {
    delete t.metadata.labels[POD_TEMPLATE_HASH];
    if (Object.keys(t.metadata.labels).length === 0) delete t.metadata.labels;
  }
  return t;
}

/** `EqualIgnoreHash`: templates equal once the pod-template-hash label is ignored. */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return canonicalJson(withoutHashLabel(a)) === canonicalJson(withoutHashLabel(b));
}
