import { mergeStrategyOf } from '@wake/api';

/**
 * Field paths as server-side apply names them (FieldsV1 tokens): `f:<field>` for a map key,
 * `k:{"name":"web"}` for an item of a list merged by key, `v:<json>` for an item of a merged
 * list of primitives. A path is the token array; sets hold them as JSON strings.
 */
export type FieldPath = readonly string[];
export const pathKey = (p: FieldPath): string => JSON.stringify(p);
export const pathOf = (key: string): FieldPath => JSON.parse(key) as string[];

const META_FIELDS = new Set(['labels', 'annotations', 'finalizers', 'ownerReferences']);
type Json = Record<string, unknown>;
const isMap = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Every field an object (a manifest or a stored object) sets, as SSA tracks ownership: leaves,
 * atomic lists as one field, and each item of a keyed list (plus the fields inside it).
 * Identity and server-owned metadata and `status` are not tracked.
 */
export function fieldPaths(obj: unknown, kind: string): Set<string> {
  const out = new Set<string>();
  if (!isMap(obj)) return out;
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'apiVersion' || k === 'kind' || k === 'status' || v === undefined) continue;
    if (k === 'metadata' && isMap(v)) {
      for (const [mk, mv] of Object.entries(v)) {
        if (META_FIELDS.has(mk) && mv !== undefined) walk(mv, ['f:metadata', `f:${mk}`], `metadata.${mk}`, kind, out);
      }
      continue;
    }
    walk(v, [`f:${k}`], k, kind, out);
  }
  return out;
}

function walk(value: unknown, tokens: string[], schemaPath: string, kind: string, out: Set<string>): void {
  if (isMap(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (!entries.length) out.add(pathKey(tokens));
    for (const [k, v] of entries) walk(v, [...tokens, `f:${k}`], `${schemaPath}.${k}`, kind, out);
    return;
  }
  if (Array.isArray(value)) {
    const strategy = mergeStrategyOf(kind, schemaPath);
    if (!strategy) {
      out.add(pathKey(tokens));
      return;
    }
    for (const item of value) {
      if (strategy.mergeKey && isMap(item)) {
        const itemTokens = [...tokens, itemToken(strategy.mergeKey, item)];
        out.add(pathKey(itemTokens));
        for (const [k, v] of Object.entries(item)) if (v !== undefined) walk(v, [...itemTokens, `f:${k}`], `${schemaPath}[].${k}`, kind, out);
      } else {
        out.add(pathKey([...tokens, `v:${JSON.stringify(item)}`]));
      }
    }
    return;
  }
  out.add(pathKey(tokens));
}

const itemToken = (mergeKey: string, item: Json) => `k:${JSON.stringify({ [mergeKey]: item[mergeKey] })}`;

function findItem(list: unknown[], token: string): number {
  if (token.startsWith('k:')) {
    const want = JSON.parse(token.slice(2)) as Json;
    return list.findIndex((i) => isMap(i) && Object.entries(want).every(([k, v]) => i[k] === v));
  }
  const want = JSON.stringify(JSON.parse(token.slice(2)));
  return list.findIndex((i) => JSON.stringify(i) === want);
}

/** The value at a path, if the object has one there. */
export function valueAt(obj: unknown, path: FieldPath): { found: boolean; value?: unknown } {
  let cur: unknown = obj;
  for (const t of path) {
    if (t.startsWith('f:') && isMap(cur) && cur[t.slice(2)] !== undefined) cur = cur[t.slice(2)];
    else if ((t.startsWith('k:') || t.startsWith('v:')) && Array.isArray(cur) && findItem(cur, t) >= 0) cur = cur[findItem(cur, t)];
    else return { found: false };
  }
  return { found: true, value: cur };
}

/** A copy of `obj` without the field (or list item) at `path`; unchanged when it is not there. */
export function removeAt<T>(obj: T, path: FieldPath): T {
  if (!path.length) return obj;
  const [head, ...rest] = path;
  if (head.startsWith('f:') && isMap(obj)) {
    const k = head.slice(2);
    if (!(k in obj)) return obj;
    const copy: Json = { ...obj };
    if (rest.length) copy[k] = removeAt(obj[k], rest);
    else delete copy[k];
    return copy as T;
  }
  if (Array.isArray(obj)) {
    const i = findItem(obj, head);
    if (i < 0) return obj;
    const copy = [...obj];
    if (rest.length) copy[i] = removeAt(obj[i], rest);
    else copy.splice(i, 1);
    return copy as T;
  }
  return obj;
}

/** `.spec.template.spec.containers[name="web"].image`, as conflict messages print paths. */
export function describePath(path: FieldPath): string {
  return path.map((t) => {
    if (t.startsWith('f:')) return `.${t.slice(2)}`;
    if (t.startsWith('k:')) return `[${Object.entries(JSON.parse(t.slice(2)) as Json).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}]`;
    return `[=${t.slice(2)}]`;
  }).join('');
}
