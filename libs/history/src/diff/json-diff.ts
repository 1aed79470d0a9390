import { compare } from 'fast-json-patch';

/** One changed field between two revisions of an object, with a dotted path (`spec.replicas`). */
export interface FieldChange {
  readonly op: 'add' | 'remove' | 'replace';
  readonly path: string;
  readonly from?: unknown;
  readonly to?: unknown;
}

/** Fields that change on every write and say nothing about what the writer meant. */
const IGNORED = ['metadata.resourceVersion', 'metadata.managedFields'];

const isIgnored = (path: string) => IGNORED.some((p) => path === p || path.startsWith(p + '.') || path.startsWith(p + '['));

/** Marks a keyed list element's key in the compared documents (never in a real Kubernetes key). */
const KEYED = '\u0001';

/**
 * Lists whose elements Kubernetes identifies by a field (its merge keys: conditions by `type`;
 * containers, env, volumes, ports… by `name`) are compared element by element by that key, not by
 * position: a condition that moved from first to second is not a change of every field of both,
 * and a path says which element it is (`status.conditions[type=Available].status`).
 */
function keyOf(list: readonly unknown[]): 'type' | 'name' | undefined {
  if (!list.length || !list.every((x) => x !== null && typeof x === 'object' && !Array.isArray(x))) return undefined;
  for (const k of ['type', 'name'] as const) {
    const values = list.map((x) => (x as Record<string, unknown>)[k]);
    if (values.every((v) => typeof v === 'string' && v) && new Set(values).size === values.length) return k;
  }
  return undefined;
}

function keyed(v: unknown): unknown {
  if (Array.isArray(v)) {
    const k = keyOf(v);
    if (!k) return v.map(keyed);
    return Object.fromEntries(v.map((x) => [`${KEYED}${k}=${(x as Record<string, string>)[k]}`, keyed(x)]));
  }
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([key, x]) => [key, keyed(x)]));
  return v;
}

/** Back from the compared form: keyed lists are lists again (for the values a change shows). */
function unkeyed(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(unkeyed);
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v);
    if (entries.length && entries.every(([key]) => key.startsWith(KEYED))) return entries.map(([, x]) => unkeyed(x));
    return Object.fromEntries(entries.map(([key, x]) => [key, unkeyed(x)]));
  }
  return v;
}

/** `/spec/containers/0/image` → `spec.containers[0].image` (keys with dots are bracketed). */
export function dottedPath(pointer: string): string {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (token.startsWith(KEYED)) out += `[${token.slice(1)}]`;
    else if (/^\d+$/.test(token)) out += `[${token}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(token)) out += out ? `.${token}` : token;
    else out += `[${JSON.stringify(token)}]`;
  }
  return out;
}

function valueAt(doc: unknown, pointer: string): unknown {
  let cur = doc;
  for (const raw of pointer.split('/').slice(1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return cur;
}

/**
 * The field changes from `before` to `after` (RFC 6902 operations from fast-json-patch,
 * turned into dotted paths with old and new values). `before` undefined: everything is new.
 */
export function diffObjects(before: unknown, after: unknown): FieldChange[] {
  if (before === undefined) return [];
  const was = keyed(before);
  const ops = compare(was as object, keyed(after) as object);
  const out: FieldChange[] = [];
  for (const op of ops) {
    const path = dottedPath(op.path);
    if (isIgnored(path)) continue;
    if (op.op === 'add') out.push({ op: 'add', path, to: unkeyed(op.value) });
    else if (op.op === 'remove') out.push({ op: 'remove', path, from: unkeyed(valueAt(was, op.path)) });
    else if (op.op === 'replace') out.push({ op: 'replace', path, from: unkeyed(valueAt(was, op.path)), to: unkeyed(op.value) });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const MAX_VALUE = 120;

export function formatValue(v: unknown): string {
  const s = JSON.stringify(v) ?? 'undefined';
  return s.length > MAX_VALUE ? s.slice(0, MAX_VALUE - 1) + '…' : s;
}

/** `~ spec.replicas: 3 → 5`, `+ metadata.labels.tier: "web"`, `- status.podIP: "10.0.0.1"`. */
export function formatChange(c: FieldChange): string {
  switch (c.op) {
    case 'add': return `+ ${c.path}: ${formatValue(c.to)}`;
    case 'remove': return `- ${c.path}: ${formatValue(c.from)}`;
    case 'replace': return `~ ${c.path}: ${formatValue(c.from)} → ${formatValue(c.to)}`;
    default: return assertNever(c.op);
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected change: ${String(x)}`);
}
