/** Time helpers. Reconcilers never read the clock: `now` is always an argument. */

/** Milliseconds since the epoch of a wire timestamp, or undefined when absent or unparsable. */
export function millis(t: string | Date | undefined | null): number | undefined {
  if (t === undefined || t === null || t === '') return undefined;
  const ms = t instanceof Date ? t.getTime() : Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
}

/** metav1.Time on the wire: RFC 3339 with second precision, as Kubernetes writes it. */
export function rfc3339(now: Date): string {
  return new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** metav1.MicroTime on the wire (Leases, Events): RFC 3339 with microseconds. */
export function rfc3339Micro(now: Date): string {
  return now.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
