import { humanDuration, timestampSince } from './human-duration';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const Y = 365 * D;

describe('humanDuration (apimachinery duration.HumanDuration)', () => {
  it.each<[number, string]>([
    [-2 * S, '<invalid>'], [-1999, '0s'], [-1 * S, '0s'], [-500, '0s'], [0, '0s'], [999, '0s'], [5 * S, '5s'],
    [2 * M - 1, '119s'], [2 * M, '2m'], [3 * M + 20 * S, '3m20s'], [10 * M - 1, '9m59s'], [10 * M, '10m'],
    [45 * M, '45m'], [3 * H - 1, '179m'], [3 * H, '3h'], [5 * H + 10 * M, '5h10m'], [8 * H - 1, '7h59m'], [8 * H, '8h'],
    [30 * H, '30h'], [48 * H - 1, '47h'], [48 * H, '2d'], [3 * D + 4 * H, '3d4h'], [8 * D - 1, '7d23h'], [8 * D, '8d'],
    [200 * D, '200d'], [2 * Y - 1, '729d'], [2 * Y, '2y'], [2 * Y + 10 * D, '2y10d'], [8 * Y - 1, '7y364d'], [8 * Y, '8y'], [9 * Y + 100 * D, '9y'],
  ])('%d ms → %s', (ms, out) => {
    expect(humanDuration(ms)).toBe(out);
  });

  it('measures from now and says <unknown> without a time', () => {
    const now = new Date('2025-01-01T00:05:00Z');
    expect(timestampSince('2025-01-01T00:00:00Z', now)).toBe('5m');
    expect(timestampSince(undefined, now)).toBe('<unknown>');
    expect(timestampSince('garbage', now)).toBe('<unknown>');
  });
});
