import { CronExpressionParser } from 'cron-parser';

/** A parsed CronJob schedule: `next(t)` is the first activation strictly after `t` (robfig/cron `Next`). */
export interface Schedule {
  next(after: Date): Date;
}

export type ParsedSchedule = { ok: true; schedule: Schedule; tzPrefix: boolean } | { ok: false; message: string };

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *', '@annually': '0 0 1 1 *', '@monthly': '0 0 1 * *', '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *', '@midnight': '0 0 * * *', '@hourly': '0 * * * *',
};
const UNIT_SECONDS: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 1e-3, us: 1e-6, 'µs': 1e-6, ns: 1e-9 };

/** Go `time.ParseDuration` for `@every`, in whole seconds (robfig rounds down, minimum 1 s). */
function everySeconds(d: string): number | undefined {
  if (!/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(d)) return undefined;
  let total = 0;
  for (const m of d.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) total += Number(m[1]) * UNIT_SECONDS[m[2]];
  return Math.max(1, Math.floor(total));
}

/**
 * `cron.ParseStandard` of the controller's `formatSchedule`: five fields or a descriptor,
 * evaluated in `timeZone` (IANA; UTC when absent) with the maintained cron-parser library.
 * A `TZ=`/`CRON_TZ=` prefix (refused by validation since 1.25, possible on old objects) is
 * honoured as Kubernetes does, and reported through `tzPrefix`.
 */
export function parseSchedule(spec: string, timeZone?: string): ParsedSchedule {
  let expr = spec.trim();
  let tz = timeZone ?? 'UTC';
  const prefix = /^(?:CRON_)?TZ=(\S+)\s+(.*)$/.exec(expr);
  if (prefix) [tz, expr] = [prefix[1], prefix[2].trim()];
  const every = /^@every\s+(.+)$/.exec(expr);
  if (every) {
    const secs = everySeconds(every[1]);
    if (secs === undefined) return { ok: false, message: `failed to parse duration ${expr}` };
    return { ok: true, tzPrefix: !!prefix, schedule: { next: (t) => new Date(Math.floor(t.getTime() / 1000) * 1000 + secs * 1000) } };
  }
  const fields = DESCRIPTORS[expr] ?? expr;
  if (fields.startsWith('@')) return { ok: false, message: `unrecognized descriptor: ${expr}` };
  const n = fields.split(/\s+/).filter(Boolean).length;
  if (n !== 5) return { ok: false, message: `expected exactly 5 fields, found ${n}: [${fields}]` };
  try {
    CronExpressionParser.parse(fields, { tz });
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  const next = (after: Date) => CronExpressionParser.parse(fields, { currentDate: after, tz }).next().toDate();
  return { ok: true, tzPrefix: !!prefix, schedule: { next } };
}

/** Go `time.LoadLocation` acceptance: an IANA name the runtime knows ("Local" is refused). */
export function validTimeZone(zone: string): boolean {
  if (zone === '' || zone.toLowerCase() === 'local') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** RFC 3339 of `t` in `timeZone` with its offset (`t.In(loc).Format(time.RFC3339)`); UTC gives `Z`. */
export function formatInZone(t: Date, timeZone = 'UTC'): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(t).map((p) => [p.type, p.value]));
  const local = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  const offset = Math.round((local - Math.floor(t.getTime() / 1000) * 1000) / 60000);
  const base = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
  if (offset === 0) return `${base}Z`;
  const abs = Math.abs(offset);
  return `${base}${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
