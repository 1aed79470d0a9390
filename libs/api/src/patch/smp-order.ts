import { hasDirective, isMap, noMergeKey } from './smp-values';

/**
 * Element order after a merge, as apimachinery's strategicpatch does it: items named by the
 * patch keep the patch's order, items only the server has keep the live order, and the two
 * runs are interleaved using the live order where both items appear in it.
 */
export function normalizeElementOrder(
  patchItems: unknown[], serverOnly: unknown[], patchOrder: readonly unknown[],
  serverOrder: readonly unknown[], mergeKey: string, kind: 'map' | 'scalar',
): unknown[] {
  const sortedPatch = normalizeSliceOrder(patchItems, patchOrder, mergeKey, kind);
  const sortedServer = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  return mergeSortedSlice(sortedServer, sortedPatch, serverOrder, mergeKey, kind);
}

/** Splits `list` into the items present in `by` (by merge key, or by value) and the rest. */
export function partitionByPresence(
  list: readonly unknown[], by: readonly unknown[], mergeKey: string,
): [unknown[], unknown[]] {
  const present: unknown[] = [];
  const rest: unknown[] = [];
  if (!mergeKey) {
    const set = new Set(by);
    for (const v of list) (set.has(v) ? present : rest).push(v);
    return [present, rest];
  }
  for (const v of list) {
    if (!isMap(v)) throw noMergeKey(v, mergeKey);
    if (!(mergeKey in v)) throw noMergeKey(v, mergeKey);
    const found = by.some((b) => isMap(b) && mergeKey in b && b[mergeKey] === v[mergeKey]);
    (found ? present : rest).push(v);
  }
  return [present, rest];
}

function keyOf(item: unknown, mergeKey: string, kind: 'map' | 'scalar'): unknown {
  if (kind === 'scalar') return item;
  return isMap(item) ? item[mergeKey] : undefined;
}

function indexIn(list: readonly unknown[], item: unknown, mergeKey: string, kind: 'map' | 'scalar'): number {
  const k = keyOf(item, mergeKey, kind);
  return list.findIndex((v) => keyOf(v, mergeKey, kind) === k);
}

function normalizeSliceOrder(
  toSort: unknown[], order: readonly unknown[], mergeKey: string, kind: 'map' | 'scalar',
): unknown[] {
  let items = toSort;
  let toDelete: unknown[] = [];
  if (kind === 'map') {
    for (const v of [...toSort, ...order]) if (!isMap(v) || !(mergeKey in v)) throw noMergeKey(v, mergeKey);
    items = toSort.filter((v) => !hasDirective(v, 'delete'));
    toDelete = toSort.filter((v) => hasDirective(v, 'delete'));
  }
  // Go's sort.SliceStable (an insertion sort for short lists) with the same comparison.
  const out = [...items];
  const less = (a: unknown, b: unknown): boolean => {
    const ia = indexIn(order, a, mergeKey, kind);
    const ib = indexIn(order, b, mergeKey, kind);
    return ia >= 0 && ib >= 0 ? ia < ib : true;
  };
  for (let i = 1; i < out.length; i++) {
    for (let j = i; j > 0 && less(out[j], out[j - 1]); j--) [out[j], out[j - 1]] = [out[j - 1], out[j]];
  }
  return [...out, ...toDelete];
}

function mergeSortedSlice(
  left: unknown[], right: unknown[], serverOrder: readonly unknown[], mergeKey: string, kind: 'map' | 'scalar',
): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexIn(serverOrder, left[i], mergeKey, kind);
      const ri = indexIn(serverOrder, right[j], mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}
