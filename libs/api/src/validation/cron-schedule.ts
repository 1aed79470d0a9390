/**
 * CronJob schedules as Kubernetes accepts them (robfig/cron ParseStandard): five fields or a
 * descriptor (@hourly, @daily, @every 5m, ...), no TZ= prefix (the timeZone field says that), and
 * IANA time zone names. The field syntax is checked with cron-parser.
 */
import { CronExpressionParser } from 'cron-parser';

const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

/** Why `schedule` is not a valid CronJob schedule, or undefined. */
export function scheduleProblem(schedule: string): string | undefined {
  if (/^(CRON_)?TZ=/.test(schedule.trim())) return 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead';
  const s = schedule.trim();
  if (s.startsWith('@')) {
    if (DESCRIPTORS.has(s)) return undefined;
    const every = /^@every (.+)$/.exec(s);
    if (every) return /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(every[1]) ? undefined : `failed to parse duration @every ${every[1]}: time: invalid duration "${every[1]}"`;
    return `unrecognized descriptor: ${s}`;
  }
  const fields = s.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`;
  try {
    CronExpressionParser.parse(fields.join(' '), { strict: false });
    return undefined;
  } catch (e) {
    const message = (e as Error).message;
    // robfig/cron accepts dates that never occur (0 0 31 2 *); cron-parser does not.
    return message.startsWith('Invalid explicit day of month') ? undefined : message;
  }
}

/** Why `zone` is not a usable time zone, or undefined. */
export function timeZoneProblem(zone: string): string | undefined {
  if (zone.toLowerCase() === 'local') return 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return undefined;
  } catch {
    return `unknown time zone ${zone}`;
  }
}
