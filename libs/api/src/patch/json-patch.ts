import { applyPatch, type Operation } from 'fast-json-patch';
import { WakeError } from '@wake/events';

/** A patch body that is not a list of operation objects cannot be decoded: 400, as the apiserver. */
const UNDECODABLE = new Set(['SEQUENCE_NOT_AN_ARRAY', 'OPERATION_NOT_AN_OBJECT']);

/**
 * RFC 6902 JSON patch (`application/json-patch+json`) via fast-json-patch. Neither input is
 * modified. Like the apiserver, a body that does not decode as a list of operations is a
 * WakeError 'BadRequest' (400), and an operation that cannot be applied — a failed `test`,
 * a missing path, a bad op or index — is 'Invalid' (the apiserver's 422 for a failed apply).
 */
export function jsonPatch(original: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw new WakeError('BadRequest', 'json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  try {
    return applyPatch(structuredClone(original), ops as Operation[], true, true).newDocument;
  } catch (e) {
    const name = (e as { name?: string }).name ?? '';
    const message = (e as Error).message?.split('\n')[0] ?? String(e);
    if (UNDECODABLE.has(name)) throw new WakeError('BadRequest', message);
    throw new WakeError('Invalid', message);
  }
}
