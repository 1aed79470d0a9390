import type { CronJob } from '../common/wire';
import { at, iso, T0 } from '../testing/fixtures';
import { formatInZone, parseSchedule, validTimeZone } from './schedule';
import { mostRecentScheduleTime, secondsToNextSchedule } from './schedule-times';

const next = (spec: string, from: string, tz?: string) => {
  const p = parseSchedule(spec, tz);
  if (!p.ok) throw new Error(p.message);
  return p.schedule.next(new Date(from)).toISOString();
};

describe('parseSchedule', () => {
  it.each([
    ['*/5 * * * *', '2025-01-01T00:05:00Z', undefined, '2025-01-01T00:10:00.000Z'],
    ['*/5 * * * *', '2025-01-01T00:04:59.500Z', undefined, '2025-01-01T00:05:00.000Z'],
    ['0 9 * * *', '2025-01-01T00:00:00Z', 'Europe/Paris', '2025-01-01T08:00:00.000Z'],
    ['0 9 * * *', '2025-07-01T00:00:00Z', 'Europe/Paris', '2025-07-01T07:00:00.000Z'],
    ['@hourly', '2025-01-01T00:30:00Z', undefined, '2025-01-01T01:00:00.000Z'],
    ['@midnight', '2025-01-01T00:30:00Z', undefined, '2025-01-02T00:00:00.000Z'],
    ['@every 90s', '2025-01-01T00:00:00.700Z', undefined, '2025-01-01T00:01:30.000Z'],
    ['0 0 1 * 1', '2025-01-28T00:00:00Z', undefined, '2025-02-01T00:00:00.000Z'], // day-of-month OR day-of-week
  ])('%s after %s (%s)', (spec, from, tz, want) => expect(next(spec, from, tz)).toBe(want));

  it('honours a legacy CRON_TZ= prefix and says so', () => {
    expect(next('CRON_TZ=Asia/Tokyo 0 9 * * *', '2025-01-01T00:00:00Z')).toBe('2025-01-02T00:00:00.000Z');
    expect(parseSchedule('TZ=UTC 0 9 * * *')).toMatchObject({ ok: true, tzPrefix: true });
  });

  it.each([
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['@fortnightly', 'unrecognized descriptor: @fortnightly'],
    ['@every 5x', 'failed to parse duration @every 5x'],
    ['61 * * * *', expect.any(String)],
  ])('refuses %p', (spec, message) => expect(parseSchedule(spec)).toEqual({ ok: false, message }));

  it('time zones and formatting', () => {
    expect(validTimeZone('America/New_York')).toBe(true);
    expect(validTimeZone('Mars/Base')).toBe(false);
    expect(validTimeZone('Local')).toBe(false);
    expect(formatInZone(new Date('2025-01-01T08:00:00Z'), 'Europe/Paris')).toBe('2025-01-01T09:00:00+01:00');
    expect(formatInZone(new Date('2025-01-01T08:00:00Z'), 'America/St_Johns')).toBe('2025-01-01T04:30:00-03:30');
    expect(formatInZone(new Date('2025-01-01T08:00:00Z'))).toBe('2025-01-01T08:00:00Z');
  });
});

describe('mostRecentScheduleTime (every minute, created at T0)', () => {
  const sched = (parseSchedule('* * * * *') as { ok: true; schedule: import('./schedule').Schedule }).schedule;
  const cj = (status: CronJob['status'] = {}, deadline?: number): CronJob => ({
    metadata: { name: 'c', creationTimestamp: iso(0) }, spec: { schedule: '* * * * *', startingDeadlineSeconds: deadline, jobTemplate: {} }, status,
  });
  it.each([
    ['before the first time', {}, undefined, 30, undefined, 'none'],
    ['the first time', {}, undefined, 60, 60, 'none'],
    ['between two', {}, undefined, 90, 60, 'none'],
    ['after 10 minutes down: only the most recent', { lastScheduleTime: iso(60) }, undefined, 660, 660, 'few'],
    ['more than 100 missed', {}, undefined, 102 * 60, 102 * 60, 'many'],
    ['startingDeadlineSeconds bounds the look-back', {}, 200, 102 * 60 + 5, 102 * 60, 'few'],
  ])('%s', (_n, status, deadline, now, want, missed) => {
    const r = mostRecentScheduleTime(cj(status, deadline), at(now), sched, true);
    expect(r.mostRecent).toBe(want === undefined ? undefined : T0 + want * 1000);
    expect(r.missed).toBe(missed);
  });

  it('requeues for the next schedule time plus 100 ms', () => {
    expect(secondsToNextSchedule(cj({ lastScheduleTime: iso(60) }), at(75), sched)).toBeCloseTo(45.1);
    expect(secondsToNextSchedule(cj(), at(10), sched)).toBeCloseTo(50.1);
  });
});
