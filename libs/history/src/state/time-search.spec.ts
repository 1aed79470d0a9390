import { parsePoint, parseTimeArg, seqAtTime } from './time-search';

describe('seqAtTime', () => {
  const times = new Map<number, number>([[5, 100], [6, 100], [7, 200], [8, 300], [9, 300], [10, 400]]);
  const timeOf = async (s: number) => times.get(s)!;
  it.each([[50, 4], [100, 6], [150, 6], [300, 9], [399, 9], [1000, 10]])('at %d → seq %d', async (at, seq) => {
    expect(await seqAtTime(at, 5, 10, timeOf)).toBe(seq);
  });
  it('reads only O(log n) events', async () => {
    let reads = 0;
    expect(await seqAtTime(500_000, 1, 1_000_000, async (s) => { reads++; return s; })).toBe(500_000);
    expect(reads).toBeLessThanOrEqual(21);
  });
});

describe('points and times', () => {
  it('parses a sequence or an RFC 3339 time', () => {
    expect(parsePoint('42')).toEqual({ seq: 42 });
    expect(parsePoint('2026-01-02T03:04:05Z')).toEqual({ time: new Date('2026-01-02T03:04:05Z') });
    expect(() => parsePoint('yesterday')).toThrow(/RFC 3339/);
  });
  it('takes durations back from now', () => {
    const now = new Date('2026-01-02T00:00:00Z');
    expect(parseTimeArg('10m', now)).toEqual(new Date('2026-01-01T23:50:00Z'));
    expect(parseTimeArg('2026-01-01T00:00:00Z', now)).toEqual(new Date('2026-01-01T00:00:00Z'));
  });
});
