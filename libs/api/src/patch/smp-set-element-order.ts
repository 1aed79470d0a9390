import { mergeStrategyOf } from './merge-keys';
import { deleteFromList, mergeList } from './smp-lists';
import { normalizeElementOrder, partitionByPresence } from './smp-order';
import {
  type JsonMap, type MergeContext, DELETE_FROM_PRIMITIVE_LIST, SET_ELEMENT_ORDER, childPath,
  directiveField, elementKind, hasDirective, isMap, patchError, noMergeKey,
} from './smp-values';

const BAD_ORDER = 'invalid patch format of setElementOrder list';
const BAD_PRIMITIVE = 'invalid patch format of primitive list';

/**
 * `$setElementOrder/<field>`: merges the field's patch list (if any) into the live list, then
 * puts the items the directive names in its order, keeping server-only items where they were.
 * Consumes the directive and the field from `patch`.
 */
export function applySetElementOrders(original: JsonMap, patch: JsonMap, path: string, ctx: MergeContext): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(`${SET_ELEMENT_ORDER}/`) && key !== SET_ELEMENT_ORDER) continue;
    const order = patch[key];
    delete patch[key];
    if (!Array.isArray(order)) throw patchError(BAD_ORDER);
    const field = directiveField(key, SET_ELEMENT_ORDER, BAD_ORDER);
    const fieldPath = childPath(path, field);
    const live = listOrNone(original, field);
    const patched = listOrNone(patch, field);
    const strategy = mergeStrategyOf(ctx.kind, fieldPath);
    const mergeKey = strategy?.mergeKey ?? '';
    validateOrder(patched ?? [], order, mergeKey);
    if (live === undefined && patched === undefined) continue;
    delete patch[field];
    const merged = !strategy ? (patched ?? live!) : mergeList(live ?? [], patched ?? [], fieldPath, mergeKey, ctx);
    const kind = elementKind(live ?? [], patched ?? []);
    if (!strategy || kind === undefined) {
      original[field] = merged;
      continue;
    }
    const [named, serverOnly] = partitionByPresence(merged, order, mergeKey);
    original[field] = normalizeElementOrder(named, serverOnly, order, live ?? [], mergeKey, kind);
  }
}

/** `$deleteFromPrimitiveList/<field>: [values]` removes values from a live list of scalars. */
export function applyDeleteFromPrimitiveList(original: JsonMap, key: string, values: unknown): void {
  const field = directiveField(key, DELETE_FROM_PRIMITIVE_LIST, BAD_PRIMITIVE);
  if (values === null) {
    delete original[field];
    return;
  }
  if (!Array.isArray(values)) throw patchError(BAD_PRIMITIVE);
  const live = original[field];
  if (Array.isArray(live)) original[field] = deleteFromList(live, values);
}

function listOrNone(m: JsonMap, field: string): unknown[] | undefined {
  if (!(field in m)) return undefined;
  const v = m[field];
  if (!Array.isArray(v)) throw patchError(`expected a list for ${field}, but received ${JSON.stringify(v)}`);
  return v;
}

/** The relative order of the patch list's items must agree with the directive's order. */
function validateOrder(patchList: readonly unknown[], order: readonly unknown[], mergeKey: string): void {
  if (patchList.length === 0 || order.length === 0) return;
  const items = mergeKey ? patchList.filter((v) => !hasDirective(v, 'delete')) : patchList;
  let p = 0;
  let o = 0;
  while (p < items.length && o < order.length) {
    if (hasDirective(items[p])) {
      p++;
      continue;
    }
    if (sameKey(items[p], order[o], mergeKey)) p++;
    o++;
  }
  if (p < items.length) {
    throw patchError(
      `The order in patch list:\n${JSON.stringify(patchList)}\n doesn't match ${SET_ELEMENT_ORDER} list:\n${JSON.stringify(order)}\n`,
    );
  }
}

function sameKey(a: unknown, b: unknown, mergeKey: string): boolean {
  if (!mergeKey) return a === b;
  if (!isMap(a) || !(mergeKey in a)) throw noMergeKey(a, mergeKey);
  if (!isMap(b) || !(mergeKey in b)) throw noMergeKey(b, mergeKey);
  return a[mergeKey] === b[mergeKey];
}
