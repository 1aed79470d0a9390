import { kindInfo } from '@wake/events';
import { mergeStrategyOf } from './merge-keys';
import { mergeList } from './smp-lists';
import { applyDeleteFromPrimitiveList, applySetElementOrders } from './smp-set-element-order';
import {
  type JsonMap, type MergeContext, DELETE_FROM_PRIMITIVE_LIST, PATCH_DIRECTIVE, RETAIN_KEYS,
  SET_ELEMENT_ORDER, childPath, isMap, patchError,
} from './smp-values';

/**
 * Applies a Kubernetes strategic merge patch to an object of a Wake kind, as the apiserver
 * does (apimachinery `strategicpatch.StrategicMergeMapPatch`): maps merge recursively and
 * `null` deletes a key; lists named in merge-keys.ts merge by key, other lists are replaced;
 * the directives `$patch` (replace/delete on maps and list items), `$setElementOrder/<list>`,
 * `$retainKeys` and `$deleteFromPrimitiveList/<list>` are honoured. Neither input is modified.
 * Throws WakeError 'BadRequest' for a malformed patch or a kind without strategic merge.
 */
export function strategicMergePatch<T>(original: T, patch: unknown, kind: string): T {
  if (!kindInfo(kind)) {
    throw patchError(`strategic merge patch is not supported for kind ${kind}: use application/merge-patch+json or application/json-patch+json`);
  }
  if (!isMap(patch)) throw patchError('invalid JSON document');
  if (original !== null && original !== undefined && !isMap(original)) throw patchError('invalid JSON document');
  const live: JsonMap = original ? structuredClone(original as JsonMap) : {};
  return mergeMap(live, structuredClone(patch), '', { kind }) as T;
}

/** Merges `patch` into `original` (mutating both) for the map at `path`. */
export function mergeMap(original: JsonMap, patch: JsonMap, path: string, ctx: MergeContext): JsonMap {
  if (PATCH_DIRECTIVE in patch) {
    const { [PATCH_DIRECTIVE]: directive, ...rest } = patch;
    if (directive === 'replace') return mergeMap({}, rest, path, ctx);
    if (directive === 'delete') return {};
    if (directive !== 'merge') {
      throw patchError(`unknown patch type: ${String(directive)} in map: ${JSON.stringify(patch)}`);
    }
    patch = rest;
  }
  applyRetainKeys(original, patch);
  applySetElementOrders(original, patch, path, ctx);
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith(`${DELETE_FROM_PRIMITIVE_LIST}/`) || key === DELETE_FROM_PRIMITIVE_LIST) {
      applyDeleteFromPrimitiveList(original, key, value);
    } else if (key.startsWith('$')) {
      throw patchError(`unknown patch directive ${key} in map: ${JSON.stringify(patch)}`);
    } else if (value === null) {
      delete original[key];
    } else {
      original[key] = mergeValue(original[key], value, key in original, childPath(path, key), ctx);
    }
  }
  return original;
}

function mergeValue(live: unknown, value: unknown, present: boolean, path: string, ctx: MergeContext): unknown {
  if (isMap(value)) return mergeMap(present && isMap(live) ? live : {}, value, path, ctx);
  if (!Array.isArray(value)) return value;
  const strategy = mergeStrategyOf(ctx.kind, path);
  if (!strategy) return value;
  return mergeList(present && Array.isArray(live) ? live : [], value, path, strategy.mergeKey ?? '', ctx);
}

/** `$retainKeys`: drops live keys the list does not name; every patched key must be named. */
function applyRetainKeys(original: JsonMap, patch: JsonMap): void {
  if (!(RETAIN_KEYS in patch)) return;
  const list = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!Array.isArray(list)) throw patchError('invalid patch format of retainKeys');
  const keep = new Set(list);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(`${DELETE_FROM_PRIMITIVE_LIST}/`) || k.startsWith(`${SET_ELEMENT_ORDER}/`)) continue;
    if (!keep.has(k)) throw patchError('invalid patch format of retainKeys');
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
}
