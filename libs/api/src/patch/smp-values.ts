import { WakeError } from '@wake/events';

/** Plain JSON values as strategic merge patch sees them. */
export type JsonMap = Record<string, unknown>;

export const PATCH_DIRECTIVE = '$patch';
export const RETAIN_KEYS = '$retainKeys';
export const SET_ELEMENT_ORDER = '$setElementOrder';
export const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList';

/** What a merge needs to know besides the two values: the kind, for its merge keys. */
export interface MergeContext {
  readonly kind: string;
}

export const isMap = (v: unknown): v is JsonMap =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const childPath = (path: string, key: string): string => (path ? `${path}.${key}` : key);

export const itemsPath = (path: string): string => `${path}[]`;

/** Errors in the patch body itself: the apiserver answers these with 400 BadRequest. */
export const patchError = (message: string): WakeError => new WakeError('BadRequest', message);

export const noMergeKey = (item: unknown, mergeKey: string): WakeError =>
  patchError(`map: ${JSON.stringify(item)} does not contain declared merge key: ${mergeKey}`);

/** `$setElementOrder/containers` → `containers`; throws the apiserver's message when malformed. */
export function directiveField(key: string, prefix: string, message: string): string {
  const slash = key.indexOf('/');
  if (slash < 0 || key.slice(0, slash) !== prefix || slash === key.length - 1) throw patchError(message);
  return key.slice(slash + 1);
}

/** Whether the items are maps or scalars; rejects lists of lists and mixed lists as Go does. */
export function elementKind(...lists: readonly unknown[][]): 'map' | 'scalar' | undefined {
  let seen: string | undefined;
  for (const list of lists) {
    for (const item of list) {
      const t = Array.isArray(item) ? 'list' : item === null ? 'null' : typeof item;
      if (t === 'list') throw patchError('lists of lists are not supported');
      if (seen !== undefined && seen !== t) {
        throw patchError(`list element types are not identical: ${JSON.stringify(lists)}`);
      }
      seen = t;
    }
  }
  if (seen === undefined) return undefined;
  return seen === 'object' ? 'map' : 'scalar';
}

export const hasDirective = (item: unknown, value?: string): boolean =>
  isMap(item) && PATCH_DIRECTIVE in item && (value === undefined || item[PATCH_DIRECTIVE] === value);
