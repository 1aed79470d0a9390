import { createHash } from 'node:crypto';
import type { V1Container } from '@kubernetes/client-node';

/** JSON with object keys sorted, so equal specs hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** A short stable hash of a container spec, stored as a label so a changed spec is detected. */
export function containerSpecHash(container: V1Container): string {
  return createHash('sha256').update(canonicalJson(container)).digest('hex').slice(0, 16);
}
