import { WakeError } from '@wake/events';

/**
 * The last sequence in [first, last] whose event time is at or before `at`, by binary search:
 * event times grow with sequences (writers seal events just before publishing; concurrent
 * writers can invert neighbours by a few milliseconds, which moves the answer by as much).
 * Returns first - 1 when every event is later than `at`. `timeOf(seq)` reads one event's time.
 */
export async function seqAtTime(at: number, first: number, last: number, timeOf: (seq: number) => Promise<number>): Promise<number> {
  let lo = first;
  let hi = last;
  let found = first - 1;
  for (let guard = 0; lo <= hi && guard < 64; guard++) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if ((await timeOf(mid)) <= at) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** A point in the log as the user gives it: a sequence number or an RFC 3339 time. */
export type PointArg = { readonly seq: number } | { readonly time: Date };

export function parsePoint(arg: string): PointArg {
  if (/^\d+$/.test(arg)) return { seq: Number(arg) };
  const t = Date.parse(arg);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(arg) || Number.isNaN(t)) {
    throw new WakeError('BadRequest', `--at: expected a sequence number or an RFC 3339 time (2026-01-02T15:04:05Z), got "${arg}"`);
  }
  return { time: new Date(t) };
}

/** --since/--until: an RFC 3339 time, or a duration back from `now` (90s, 10m, 2h, 1d). */
export function parseTimeArg(arg: string, now: Date): Date {
  const d = /^(\d+)(s|m|h|d)$/.exec(arg);
  if (d) return new Date(now.getTime() - Number(d[1]) * { s: 1e3, m: 6e4, h: 3.6e6, d: 8.64e7 }[d[2] as 's' | 'm' | 'h' | 'd']);
  const t = Date.parse(arg);
  if (Number.isNaN(t)) throw new WakeError('BadRequest', `expected an RFC 3339 time or a duration like 10m, got "${arg}"`);
  return new Date(t);
}
