import { isoTime } from './iso-time';

describe('isoTime', () => {
  it('formats a millisecond as toISOString does, the same again and a new one after', () => {
    for (const ms of [0, 1_700_000_000_123, 1_700_000_000_123, 1_700_000_000_124, 1_699_999_999_999]) {
      expect(isoTime(ms)).toBe(new Date(ms).toISOString());
    }
  });

  it('defaults to now', () => {
    const before = Date.now();
    const t = Date.parse(isoTime());
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Date.now());
  });
});
