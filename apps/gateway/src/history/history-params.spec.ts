import { isWakeError } from '@wake/events';
import { HttpError } from '../http/status';
import { HistoryParams } from './history-params';

const params = (q: string) => new HistoryParams(new URLSearchParams(q));
const code = (f: () => unknown) => {
  try { f(); return 'ok'; } catch (e) { return e instanceof HttpError ? e.status.code : isWakeError(e) ? e.code : String(e); }
};

describe('history query parameters', () => {
  it('reads flags strictly', () => {
    expect(params('a=true&b=1&c=false&d=0&e=').flag('a')).toBe(true);
    const p = params('a=true&b=1&c=false&d=0&e=');
    expect(['b', 'c', 'd', 'e', 'missing'].map((n) => p.flag(n))).toEqual([true, false, false, false, false]);
    expect(code(() => params('hideStatus=yes').flag('hideStatus'))).toBe(400);
  });

  it('reads points as the CLI does, and requires one', () => {
    expect(params('at=120').point()).toEqual({ seq: 120 });
    expect(params('at=2026-01-02T15:04:05Z').point()).toEqual({ time: new Date('2026-01-02T15:04:05Z') });
    expect(code(() => params('').point())).toBe(400);
    expect(code(() => params('at=yesterday').point())).toBe('BadRequest');
  });

  it('reads seconds with a default', () => {
    expect(params('').seconds('timeoutSeconds', 1800)).toBe(1800);
    expect(params('timeoutSeconds=5').seconds('timeoutSeconds', 1800)).toBe(5);
    expect(code(() => params('timeoutSeconds=-1').seconds('timeoutSeconds', 1))).toBe(400);
    expect(code(() => params('timeoutSeconds=1.5').seconds('timeoutSeconds', 1))).toBe(400);
  });
});
