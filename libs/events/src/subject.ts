/**
 * One object, one subject: `wake.obj.<Kind>.<namespace>.<name>`.
 *
 * NATS subject tokens may not contain `.`, `*`, `>` or whitespace, and Kubernetes names
 * contain dots (DNS subdomains) and, for a few kinds, `:` and more. Tokens keep
 * [A-Za-z0-9-] as they are and write every other UTF-8 byte as `_` + two hex digits,
 * so `web.v1` becomes `web_2ev1`; the encoding is reversible and readable. A cluster-scoped
 * object's namespace token is `_`, which no encoded name can be.
 */
export const SUBJECT_PREFIX = 'wake.obj';
const CLUSTER_TOKEN = '_';

const PLAIN_TOKEN = /^[A-Za-z0-9-]+$/;

export function encodeToken(value: string): string {
  if (value === '') return CLUSTER_TOKEN;
  // Most names (every DNS label) need no escaping: skip the byte-by-byte walk.
  if (PLAIN_TOKEN.test(value)) return value;
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9-]/.test(c) ? c : '_' + byte.toString(16).padStart(2, '0');
  }
  return out;
}

export function decodeToken(token: string): string {
  if (token === CLUSTER_TOKEN) return '';
  const bytes: number[] = [];
  for (let i = 0; i < token.length; i++) {
    if (token[i] === '_') {
      bytes.push(parseInt(token.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(token.charCodeAt(i));
  }
  return Buffer.from(bytes).toString('utf8');
}

export interface ObjectKey {
  readonly kind: string;
  readonly namespace: string; // '' when cluster-scoped
  readonly name: string;
}

export function subjectFor(key: ObjectKey): string {
  return `${SUBJECT_PREFIX}.${key.kind}.${encodeToken(key.namespace)}.${encodeToken(key.name)}`;
}

export function keyOfSubject(subject: string): ObjectKey {
  const parts = subject.split('.');
  if (parts.length !== 5 || `${parts[0]}.${parts[1]}` !== SUBJECT_PREFIX) {
    throw new Error(`not an object subject: ${subject}`);
  }
  return { kind: parts[2], namespace: decodeToken(parts[3]), name: decodeToken(parts[4]) };
}

/** A subject filter: every object, one kind, one kind in one namespace, or one object. */
export interface EventFilter {
  readonly kind?: string;
  readonly namespace?: string; // '' selects cluster-scoped objects; undefined selects all
  readonly name?: string; // with kind and namespace: exactly one object
}

export function filterSubject(filter: EventFilter = {}): string {
  if (!filter.kind) {
    if (filter.namespace !== undefined || filter.name !== undefined) throw new Error('a namespace or name filter needs a kind');
    return `${SUBJECT_PREFIX}.>`;
  }
  if (filter.name !== undefined) {
    return subjectFor({ kind: filter.kind, namespace: filter.namespace ?? '', name: filter.name });
  }
  if (filter.namespace === undefined) return `${SUBJECT_PREFIX}.${filter.kind}.>`;
  return `${SUBJECT_PREFIX}.${filter.kind}.${encodeToken(filter.namespace)}.*`;
}

/** Whether a key falls under a filter (the in-memory log and tests use this). */
export function filterMatches(filter: EventFilter, key: ObjectKey): boolean {
  if (filter.kind !== undefined && filter.kind !== key.kind) return false;
  if (filter.namespace !== undefined && filter.namespace !== key.namespace) return false;
  if (filter.name !== undefined && filter.name !== key.name) return false;
  return true;
}

export function keyString(key: ObjectKey): string {
  return key.namespace ? `${key.kind}/${key.namespace}/${key.name}` : `${key.kind}/${key.name}`;
}
