/** maxSurge / maxUnavailable style values: a non-negative integer or a percent string. */
import { invalid, type Causes } from './causes';
import { each, percentProblems } from './names';

export function validateIntOrPercent(v: unknown, field: string): Causes {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') {
    const errs = each(field, v, percentProblems(v));
    if (!errs.length && parseInt(v, 10) > 100) errs.push(invalid(field, v, 'must not be greater than 100%'));
    return errs;
  }
  return typeof v === 'number' && v < 0 ? [invalid(field, v, 'must be greater than or equal to 0')] : [];
}

/** The integer or percent number of a value; 0 for unset or malformed values. */
export function intOrPercentValue(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return parseInt(v, 10) || 0;
  return 0;
}
