import { isWakeError, kindInfo, type KindInfo, type WakeErrorCode } from '@wake/events';

/** A metav1.Status, as kubectl renders it. */
export interface Status {
  readonly kind: 'Status';
  readonly apiVersion: 'v1';
  readonly metadata: Record<string, never>;
  readonly status: 'Success' | 'Failure';
  readonly message?: string;
  readonly reason?: string;
  readonly details?: StatusDetails;
  readonly code: number;
}

export interface StatusDetails {
  readonly name?: string;
  readonly group?: string;
  readonly kind?: string;
  readonly uid?: string;
  readonly causes?: readonly { reason?: string; message: string; field?: string }[];
  readonly retryAfterSeconds?: number;
}

/** An error that already knows its HTTP answer. */
export class HttpError extends Error {
  constructor(readonly status: Status) {
    super(status.message);
  }
}

const CODES: Record<WakeErrorCode, [number, string]> = {
  Conflict: [409, 'Conflict'],
  AlreadyExists: [409, 'AlreadyExists'],
  NotFound: [404, 'NotFound'],
  Invalid: [422, 'Invalid'],
  BadRequest: [400, 'BadRequest'],
  TooLarge: [413, 'RequestEntityTooLarge'],
  Expired: [410, 'Expired'],
  Forbidden: [403, 'Forbidden'],
  Unavailable: [503, 'ServiceUnavailable'],
};

export function failure(code: number, reason: string, message: string, details?: StatusDetails): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code };
}

export function success(details?: StatusDetails): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', ...(details ? { details } : {}), code: 200 };
}

/** What the request was about, for `details`. */
export interface Target {
  readonly info?: KindInfo;
  readonly name?: string;
}

/**
 * Maps any error to the Status the apiserver would answer. `details.kind` is the resource
 * plural for NotFound/AlreadyExists/Conflict and the Kind for Invalid, as real apiservers do.
 */
export function statusFor(e: unknown, target: Target = {}): Status {
  if (e instanceof HttpError) return e.status;
  if (isWakeError(e)) {
    const [code, reason] = CODES[e.code];
    const info = target.info;
    const name = target.name;
    if (e.code === 'Invalid') {
      const kind = /^(\w+) "/.exec(e.message)?.[1] ?? info?.kind;
      const group = (kind && kindInfo(kind)?.group) ?? info?.group ?? '';
      const objName = /^\w+ "([^"]*)"/.exec(e.message)?.[1] ?? name;
      const causes = e.causes.map((c) => ({ reason: c.reason, message: c.message, field: c.field }));
      const qualified = group ? `${kind}.${group}` : kind;
      const message = causes.length
        ? `${qualified} "${objName}" is invalid: ${causes.length === 1 ? `${causes[0].field}: ${causes[0].message}` : `[${causes.map((c) => `${c.field}: ${c.message}`).join(', ')}]`}`
        : e.message;
      return failure(code, reason, message, { name: objName, group, kind, causes });
    }
    const details: StatusDetails | undefined = info
      ? { ...(name ? { name } : {}), group: info.group, kind: info.plural }
      : undefined;
    if (e.code === 'Conflict' && e.causes.length) {
      return failure(code, reason, e.message, { ...details, causes: e.causes.map((c) => ({ reason: c.reason, message: c.message, field: c.field })) });
    }
    return failure(code, reason, e.message, details);
  }
  const message = e instanceof Error ? e.message : String(e);
  return failure(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ message }] });
}

export const unauthorized = (): Status => failure(401, 'Unauthorized', 'Unauthorized');
/** With empty details, as the apiserver answers (kubectl debug reads details.name of a 404 and panics without them). */
export const notFoundPath = (): Status => failure(404, 'NotFound', 'the server could not find the requested resource', {});
export const methodNotAllowed = (method: string): Status => failure(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource (${method})`);
export const unsupportedMediaType = (type: string, accepted: readonly string[]): Status =>
  failure(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}${type ? ` (got ${type})` : ''}`);
export const tooLarge = (limit: number): Status => failure(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${limit}`);
export const badRequest = (message: string): Status => failure(400, 'BadRequest', message);
