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

/** `/spec/containers/0/image` → `spec.containers[0].image` (keys with dots are bracketed). */
export function dottedPath(pointer: string): string {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(token)) out += `[${token}]`;
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
  const ops = compare(before as object, after as object);
  const out: FieldChange[] = [];
  for (const op of ops) {
    const path = dottedPath(op.path);
    if (isIgnored(path)) continue;
    if (op.op === 'add') out.push({ op: 'add', path, to: op.value });
    else if (op.op === 'remove') out.push({ op: 'remove', path, from: valueAt(before, op.path) });
    else if (op.op === 'replace') out.push({ op: 'replace', path, from: valueAt(before, op.path), to: op.value });
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
