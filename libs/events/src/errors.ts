/**
 * Wake's small error hierarchy. Each error has a stable code; the gateway maps codes to
 * Kubernetes `Status` (reason and HTTP code) and nothing else needs to know about HTTP.
 */
export type WakeErrorCode =
  | 'Conflict' // stale expected sequence / resourceVersion
  | 'AlreadyExists'
  | 'NotFound'
  | 'Invalid' // the object breaks a validation rule
  | 'BadRequest'
  | 'TooLarge'
  | 'Expired' // the requested sequence is no longer retained
  | 'Forbidden'
  | 'Unavailable'; // transient I/O

export interface FieldCause {
  readonly field: string;
  readonly reason: 'FieldValueRequired' | 'FieldValueInvalid' | 'FieldValueNotSupported' | 'FieldValueDuplicate' | 'FieldValueTooLong' | 'FieldValueForbidden' | 'FieldValueTypeInvalid' | 'FieldUnknown';
  readonly message: string;
}

export class WakeError extends Error {
  constructor(
    readonly code: WakeErrorCode,
    message: string,
    readonly causes: readonly FieldCause[] = [],
  ) {
    super(message);
    this.name = `WakeError(${code})`;
  }
}

export class ConflictError extends WakeError {
  constructor(message: string, readonly expectedSeq?: number, readonly actualSeq?: number) {
    super('Conflict', message);
  }
}

export class ExpiredError extends WakeError {
  constructor(readonly requestedSeq: number, readonly firstRetainedSeq: number) {
    super('Expired', `too old resource version: ${requestedSeq} (${firstRetainedSeq - 1})`);
  }
}

export const isWakeError = (e: unknown, code?: WakeErrorCode): e is WakeError =>
  e instanceof WakeError && (code === undefined || e.code === code);

/** Only conflicts and transient I/O are worth retrying. */
export const isRetryable = (e: unknown): boolean =>
  isWakeError(e, 'Conflict') || isWakeError(e, 'Unavailable');
