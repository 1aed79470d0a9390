import { WakeError } from '@wake/events';
import { jsonMergePatch } from './json-merge-patch';
import { jsonPatch } from './json-patch';
import { strategicMergePatch } from './strategic-merge-patch';

export const PATCH_CONTENT_TYPES = {
  strategic: 'application/strategic-merge-patch+json',
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
} as const;

/**
 * Applies a PATCH body of the given Content-Type (parameters such as `charset` ignored) to
 * `original`, an object of `kind`. The body may be raw text/bytes or already-parsed JSON.
 * Server-side apply (`application/apply-patch+yaml`) is not handled here. An unknown type is a
 * WakeError 'BadRequest' carrying the apiserver's 415 message; the gateway may answer 415.
 */
export function applyPatch<T>(original: T, patchBody: unknown, contentType: string, kind: string): T {
  const type = contentType.split(';')[0].trim().toLowerCase();
  let result: unknown;
  switch (type) {
    case PATCH_CONTENT_TYPES.strategic:
      result = strategicMergePatch(original, parseBody(patchBody), kind);
      break;
    case PATCH_CONTENT_TYPES.merge:
      result = jsonMergePatch(original, parseBody(patchBody));
      break;
    case PATCH_CONTENT_TYPES.json:
      result = jsonPatch(original, parseBody(patchBody));
      break;
    default:
      throw new WakeError(
        'BadRequest',
        `the body of the request was in an unknown format - accepted media types include: ${Object.values(PATCH_CONTENT_TYPES).join(', ')}`,
      );
  }
  if (typeof result !== 'object' || result === null || Array.isArray(result)) {
    throw new WakeError('BadRequest', `the patched ${kind} is not a JSON object`);
  }
  return result as T;
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string' && !(body instanceof Uint8Array)) return body;
  const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new WakeError('BadRequest', `error decoding patch: ${(e as Error).message}`);
  }
}
