import { typeProblems, unknownFields } from '@wake/api';
import { apiVersionOf, kindInfo, WakeError, type KubeObject } from '@wake/events';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

/**
 * The apiserver's decoding checks on a written object: values of the wrong JSON type are a
 * 400 always; fields the schema does not know are a 400 under Strict, warnings under Warn.
 */
export function checkFields(obj: KubeObject, mode: FieldValidation, warnings?: string[]): void {
  const info = kindInfo(obj.kind);
  const version = info ? info.version : 'v1';
  const head = `${obj.kind} in version "${version}" cannot be handled as a ${obj.kind}`;
  const types = typeProblems(obj);
  if (types.length) throw new WakeError('BadRequest', `${head}: ${types.map((t) => t.message).join(', ')}`);
  if (mode === 'Ignore') return;
  const unknown = unknownFields(obj).map((f) => `unknown field "${f}"`);
  if (!unknown.length) return;
  if (mode === 'Strict') throw new WakeError('BadRequest', `${head}: strict decoding error: ${unknown.join(', ')}`);
  warnings?.push(...unknown);
}

/** Whether the body's apiVersion/kind fit the resource of the request path. */
export function checkTypeMeta(obj: KubeObject, kind: string): void {
  const info = kindInfo(kind)!;
  if (obj.kind !== kind || obj.apiVersion !== apiVersionOf(info)) {
    throw new WakeError('BadRequest', `the API version in the data (${obj.apiVersion}) does not match the expected API version (${apiVersionOf(info)})`);
  }
}
