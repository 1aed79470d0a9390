/**
 * Field errors worded as Kubernetes' apimachinery `field.Error` prints them, so that the messages
 * kubectl shows (`spec.replicas: Invalid value: -1: must be greater than or equal to 0`) are the
 * familiar ones. Values print as Go does: strings quoted, numbers and booleans bare, string maps as
 * `map[string]string{"app":"web"}`, anything else as JSON.
 */
import type { FieldCause } from '@wake/events';

export type Causes = FieldCause[];

/** A value that prints as given (like a Go value with a String method). */
export class Rendered {
  constructor(readonly text: string) {}
}

export function formatValue(value: unknown): string {
  if (value instanceof Rendered) return value.text;
  if (value === null || value === undefined) return '"null"';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isStringMap(value)) {
    const keys = Object.keys(value).sort();
    return `map[string]string{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(value[k])}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}

function isStringMap(v: unknown): v is Record<string, string> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
}

export const required = (field: string, detail = ''): FieldCause => ({
  field, reason: 'FieldValueRequired', message: detail ? `Required value: ${detail}` : 'Required value',
});

export const invalid = (field: string, value: unknown, detail: string): FieldCause => ({
  field, reason: 'FieldValueInvalid', message: `Invalid value: ${formatValue(value)}: ${detail}`,
});

export const notSupported = (field: string, value: unknown, supported: readonly string[]): FieldCause => ({
  field,
  reason: 'FieldValueNotSupported',
  message: `Unsupported value: ${formatValue(value)}: supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`,
});

export const duplicate = (field: string, value: unknown): FieldCause => ({
  field, reason: 'FieldValueDuplicate', message: `Duplicate value: ${formatValue(value)}`,
});

export const forbidden = (field: string, detail: string): FieldCause => ({
  field, reason: 'FieldValueForbidden', message: `Forbidden: ${detail}`,
});

export const tooLong = (field: string, max: number): FieldCause => ({
  field, reason: 'FieldValueTooLong', message: `Too long: may not be more than ${max} bytes`,
});

/**
 * Kubernetes' `field.NotFound` (a reference to something that does not exist). FieldCause has no
 * FieldValueNotFound reason, so it travels as FieldValueInvalid with Kubernetes' wording.
 */
export const notFound = (field: string, value: unknown): FieldCause => ({
  field, reason: 'FieldValueInvalid', message: `Not found: ${formatValue(value)}`,
});

export const immutable = (field: string, value: unknown): FieldCause => invalid(field, value, 'field is immutable');

export function nonNegative(field: string, value: unknown): Causes {
  return typeof value === 'number' && value < 0 ? [invalid(field, value, 'must be greater than or equal to 0')] : [];
}

export function positive(field: string, value: unknown): Causes {
  return typeof value === 'number' && value <= 0 ? [invalid(field, value, 'must be greater than 0')] : [];
}

/** Checks an enum field that defaulting fills: absent is fine, an unknown value is not. */
export function oneOf(field: string, value: unknown, supported: readonly string[]): Causes {
  if (value === undefined || value === null) return [];
  return supported.includes(value as string) ? [] : [notSupported(field, value, supported)];
}

/** True when old and new differ (deep, key-order-insensitive for objects). */
export function changed(a: unknown, b: unknown): boolean {
  return stable(a) !== stable(b);
}

function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).sort().filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}
