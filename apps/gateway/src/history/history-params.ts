import { parsePoint, type PointArg } from '@wake/history';
import { badRequest, HttpError } from '../http/status';

/** Query parameters of the history API, read strictly: a value that means nothing is a 400. */
export class HistoryParams {
  constructor(private readonly params: URLSearchParams) {}

  /** An optional string; empty counts as absent. */
  text(name: string): string | undefined {
    const v = this.params.get(name);
    return v === null || v === '' ? undefined : v;
  }

  /** A boolean: absent is false; true/1 and false/0 (as Kubernetes reads `watch`). */
  flag(name: string): boolean {
    const v = this.text(name);
    if (v === undefined || v === 'false' || v === '0') return false;
    if (v === 'true' || v === '1') return true;
    throw new HttpError(badRequest(`${name}: expected true or false, got "${v}"`));
  }

  /** `at`: a stream sequence or an RFC 3339 time (required). */
  point(name = 'at'): PointArg {
    const v = this.text(name);
    if (v === undefined) throw new HttpError(badRequest(`${name} is required: a stream sequence (resourceVersion) or an RFC 3339 time`));
    return parsePoint(v);
  }

  /** A positive whole number of seconds, or the default. */
  seconds(name: string, fallback: number): number {
    const v = this.text(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n <= 0) throw new HttpError(badRequest(`${name}: expected a positive number of seconds, got "${v}"`));
    return n;
  }
}
