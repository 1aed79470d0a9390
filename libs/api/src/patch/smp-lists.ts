import { mergeMap } from './strategic-merge-patch';
import { normalizeElementOrder, partitionByPresence } from './smp-order';
import {
  type MergeContext, elementKind, isMap, itemsPath, noMergeKey, patchError,
  PATCH_DIRECTIVE,
} from './smp-values';

/**
 * Merges a patch list into a live list that has merge strategy (`patchStrategy:"merge"`).
 * Maps are matched by `mergeKey` and merged recursively; `{"$patch":"delete", key: v}` removes
 * an item, `{"$patch":"replace"}` makes the rest of the patch list the whole list. Scalars are
 * merged as a set. The result's order follows apimachinery (see smp-order.ts).
 */
export function mergeList(
  original: unknown[], patch: unknown[], path: string, mergeKey: string, ctx: MergeContext,
): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = elementKind(original, patch) ?? 'scalar';
  let live = original;
  let items = patch;
  let merged: unknown[];
  if (kind === 'scalar') {
    merged = [...new Set([...original, ...patch])];
  } else {
    if (!mergeKey) throw patchError(`cannot merge lists without merge key for ${path}`);
    [live, items] = applySpecialElements(original, patch, mergeKey);
    merged = mergeMaps(live, items, path, mergeKey, ctx);
  }
  const [patchItems, serverOnly] = partitionByPresence(merged, items, mergeKey);
  return normalizeElementOrder(patchItems, serverOnly, items, live, mergeKey, kind);
}

/** `$deleteFromPrimitiveList/<field>`: removes the listed values from a list of scalars. */
export function deleteFromList(original: unknown[], toDelete: unknown[]): unknown[] {
  const gone = new Set(toDelete);
  return original.filter((v) => !gone.has(v));
}

function applySpecialElements(
  original: unknown[], patch: unknown[], mergeKey: string,
): [unknown[], unknown[]] {
  let live = original;
  const rest: unknown[] = [];
  let replace = false;
  for (const item of patch) {
    if (!isMap(item)) throw patchError(`expected a map, but received ${JSON.stringify(item)}`);
    if (!(PATCH_DIRECTIVE in item)) {
      rest.push(item);
      continue;
    }
    const directive = item[PATCH_DIRECTIVE];
    if (directive === 'delete') {
      if (!(mergeKey in item)) throw noMergeKey(item, mergeKey);
      live = live.filter((v) => !(isMap(v) && v[mergeKey] === item[mergeKey]));
    } else if (directive === 'replace') {
      replace = true;
    } else if (directive === 'merge') {
      throw patchError('merging lists cannot yet be specified in the patch');
    } else {
      throw patchError(`unknown patch type: ${String(directive)} in map: ${JSON.stringify(item)}`);
    }
  }
  return replace ? [rest, []] : [live, rest];
}

function mergeMaps(
  original: unknown[], patch: unknown[], path: string, mergeKey: string, ctx: MergeContext,
): unknown[] {
  const out = [...original];
  for (const item of patch) {
    if (!isMap(item) || !(mergeKey in item)) throw noMergeKey(item, mergeKey);
    const at = out.findIndex((v) => {
      if (!isMap(v)) throw patchError(`value for key ${mergeKey} is not a map.`);
      return mergeKey in v && v[mergeKey] === item[mergeKey];
    });
    if (at >= 0) out[at] = mergeMap(out[at] as Record<string, unknown>, item, itemsPath(path), ctx);
    else out.push(mergeMap({}, item, itemsPath(path), ctx));
  }
  return out;
}

