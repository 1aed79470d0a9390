import type { FieldValidation, WriteOptions } from '@wake/store';
import { badRequest, HttpError } from '../http/status';
import { query, type RequestContext } from '../server/context';

/** dryRun=All (the only value the apiserver accepts), as a boolean. */
export function dryRunOf(values: readonly string[]): boolean {
  for (const v of values) if (v !== 'All') throw new HttpError(badRequest(`Invalid dry run value: ${JSON.stringify(v)}, only "All" is supported`));
  return values.length > 0;
}

export function fieldValidationOf(value: string | null): FieldValidation {
  if (value === null || value === '') return 'Warn';
  if (value === 'Strict' || value === 'Warn' || value === 'Ignore') return value;
  throw new HttpError(badRequest(`fieldValidation must be one of Ignore, Warn or Strict, got ${JSON.stringify(value)}`));
}

/** The field manager of a write: the query parameter, else the client's User-Agent product (as the apiserver does). */
export function fieldManagerOf(ctx: RequestContext): string {
  const explicit = query(ctx, 'fieldManager');
  if (explicit) {
    if (explicit.length > 128) throw new HttpError(badRequest('fieldManager: Too long: may not be more than 128 bytes'));
    return explicit;
  }
  const ua = ctx.req.headers['user-agent'] ?? 'unknown';
  return ua.split('/')[0].slice(0, 128) || 'unknown';
}

/** The options every write from this request carries; `warnings` collects what goes into Warning headers. */
export function writeOptions(ctx: RequestContext, warnings: string[]): WriteOptions {
  return {
    actor: ctx.user,
    dryRun: dryRunOf(ctx.url.searchParams.getAll('dryRun')),
    fieldValidation: fieldValidationOf(query(ctx, 'fieldValidation')),
    warnings,
    fieldManager: fieldManagerOf(ctx),
  };
}
