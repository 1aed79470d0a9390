import type { V1PodStatus } from '@kubernetes/client-node';

/** metav1.Time's wire form: RFC3339 in whole seconds. */
const seconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * A pod status as it goes on the wire: Dates as RFC3339 seconds, undefined fields dropped, so
 * that what the agent computes and what it reads back from the log compare equal.
 */
export function wireStatus(status: V1PodStatus): Record<string, unknown> {
  return JSON.parse(JSON.stringify(status, function (this: Record<string, unknown>, key, value) {
    const raw = this[key];
    if (raw instanceof Date) return seconds(raw);
    if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(value)) return seconds(new Date(value));
    return value;
  })) as Record<string, unknown>;
}

/** Key-order independent JSON, for comparing statuses. */
export function fingerprint(v: unknown): string {
  const sort = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(sort);
    if (x && typeof x === 'object') return Object.fromEntries(Object.keys(x).sort().map((k) => [k, sort((x as Record<string, unknown>)[k])]));
    return x;
  };
  return JSON.stringify(sort(v ?? {}));
}

/** Whether the computed status differs from the stored one (both in wire form). */
export function statusChanged(stored: unknown, next: Record<string, unknown>): boolean {
  return fingerprint(stored ? wireStatus(stored as V1PodStatus) : {}) !== fingerprint(next);
}
