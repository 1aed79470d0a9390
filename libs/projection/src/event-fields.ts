/** What the projection stores from one event. */
export interface EventFields {
  readonly type: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  /** metadata.labels as JSON text, or null */
  readonly labels: string | null;
  /** spec.nodeName of a pod, or null */
  readonly nodeName: string | null;
  /** the object as JSON (UTF-8), metadata.resourceVersion set to `seq`, in parts to concatenate */
  readonly object: Buffer[];
}

/**
 * Reads an event body (UTF-8 bytes, as the log delivers it) for the projection. The fast path
 * scans the bytes once for the few fields it needs and cuts the object out of them, inserting
 * metadata.resourceVersion: no decoding of the whole body, no parse tree, no re-serialization
 * (decode + JSON.parse + JSON.stringify + encode of every event cost the projector more than
 * everything else it does, much of it in garbage collection). JSON's structural characters
 * are ASCII, and a UTF-8 multi-byte sequence never contains an ASCII byte, so scanning bytes
 * is exact. Anything the scanner does
 * not expect (an escaped key, a resourceVersion already in the object, a field of another
 * type) takes the slow path, JSON.parse; both give the same JSON values, and one body always
 * takes the same path, so a rebuild stores the same bytes. Throws on a body that is not JSON.
 */
export function readEventFields(body: Uint8Array, seq: number): EventFields {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return scanEvent(bytes, seq) ?? parseEvent(bytes.toString('utf8'), seq);
}

/** The slow path (and the reference the fast one is tested against). */
export function parseEvent(body: string, seq: number): EventFields {
  let e: { type: string; kind: string; namespace: string; name: string; uid?: string; object: { metadata?: Record<string, unknown>; spec?: { nodeName?: unknown } } };
  try {
    e = JSON.parse(body);
  } catch (err) {
    throw new Error(`event at sequence ${seq} is not JSON: ${(err as Error).message}`);
  }
  const object = e.object;
  const meta = object?.metadata;
  if (meta && typeof meta === 'object') meta.resourceVersion = String(seq);
  const labels = meta?.labels;
  const nodeName = e.kind === 'Pod' ? object?.spec?.nodeName : undefined;
  return {
    type: e.type, kind: e.kind, namespace: e.namespace, name: e.name, uid: e.uid ?? '',
    labels: labels && typeof labels === 'object' ? JSON.stringify(labels) : null,
    nodeName: typeof nodeName === 'string' ? nodeName : null,
    object: [Buffer.from(JSON.stringify(object))],
  };
}

/**
 * The fast path, or undefined when the body is not of the expected shape. One pass over the
 * bytes: the members that matter (the envelope's strings, object.metadata.labels,
 * object.spec.nodeName) are descended into where they are, the rest skipped. A key that occurs
 * twice counts as JSON.parse counts it: the last one wins, whole.
 */
export function scanEvent(s: Buffer, seq: number): EventFields | undefined {
  const top: Array<[number, number] | undefined> = [];
  let meta: [number, number] | undefined;
  let spec: [number, number] | undefined;
  let labels: [number, number] | undefined;
  let node: [number, number] | undefined;
  let hasVersion = false;
  const inMetadata = (ks: number, ke: number, a: number) => {
    const k = keyIndex(s, ks, ke, METADATA_KEYS);
    if (k < 0) return undefined;
    const b = endOfValue(s, a);
    if (k === 0) labels = [a, b];
    else hasVersion = true;
    return b;
  };
  const inSpec = (ks: number, ke: number, a: number) => {
    if (keyIndex(s, ks, ke, SPEC_KEYS) !== 0) return undefined;
    const b = endOfValue(s, a);
    node = [a, b];
    return b;
  };
  const inObject = (ks: number, ke: number, a: number) => {
    const k = keyIndex(s, ks, ke, OBJECT_KEYS);
    if (k === 0) { meta = undefined; labels = undefined; hasVersion = false; }
    if (k === 1) { spec = undefined; node = undefined; }
    if (k < 0 || at(s, a) !== OPEN_BRACE) return undefined;
    const b = members(s, a, k === 0 ? inMetadata : inSpec);
    if (k === 0) meta = [a, b];
    else spec = [a, b];
    return b;
  };
  const start = skipWs(s, 0);
  if (at(s, start) !== OPEN_BRACE) return undefined;
  const end = members(s, start, (ks, ke, a) => {
    const k = keyIndex(s, ks, ke, TOP_KEYS);
    if (k < 0) return undefined;
    if (k === 5) { meta = undefined; spec = undefined; labels = undefined; node = undefined; hasVersion = false; }
    const b = k === 5 && at(s, a) === OPEN_BRACE ? members(s, a, inObject) : endOfValue(s, a);
    top[k] = [a, b];
    return b;
  });
  if (end < 0 || skipWs(s, end) !== s.length) return undefined;
  const type = stringAt(s, top[0]);
  const kind = stringAt(s, top[1]);
  const namespace = stringAt(s, top[2]);
  const name = stringAt(s, top[3]);
  const uid = top[4] ? stringAt(s, top[4]) : '';
  const obj = top[5];
  if (type === undefined || kind === undefined || namespace === undefined || name === undefined || uid === undefined || !obj) return undefined;
  if (at(s, obj[0]) !== OPEN_BRACE || !meta || hasVersion) return undefined;
  const nodeAt: [number, number] | undefined = node;
  const nodeName = kind === 'Pod' && spec && nodeAt && at(s, nodeAt[0]) === QUOTE ? stringAt(s, nodeAt) ?? null : null;
  const labelsFirst = labels ? at(s, labels[0]) : 0;
  const metaEmpty = at(s, skipWs(s, meta[0] + 1)) === CLOSE_BRACE;
  return {
    type, kind, namespace, name, uid,
    labels: labels && (labelsFirst === OPEN_BRACE || labelsFirst === OPEN_BRACKET) ? s.toString('utf8', labels[0], labels[1]) : null,
    nodeName,
    object: [s.subarray(obj[0], meta[0] + 1), Buffer.from(`"resourceVersion":"${seq}"${metaEmpty ? '' : ','}`, 'latin1'), s.subarray(meta[0] + 1, obj[1])],
  };
}

const keys = (...names: string[]) => names.map((n) => Buffer.from(n, 'latin1'));
const TOP_KEYS = keys('type', 'kind', 'namespace', 'name', 'uid', 'object');
const OBJECT_KEYS = keys('metadata', 'spec');
const METADATA_KEYS = keys('labels', 'resourceVersion');
const SPEC_KEYS = keys('nodeName');

/** Which of `names` the key s[from, to) is (compared byte for byte), or -1. */
function keyIndex(s: Buffer, from: number, to: number, names: readonly Buffer[]): number {
  const length = to - from;
  next: for (let n = 0; n < names.length; n++) {
    const name = names[n];
    if (name.length !== length) continue;
    for (let i = 0; i < length; i++) if (s[from + i] !== name[i]) continue next;
    return n;
  }
  return -1;
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/** The byte at i, or -1 past the end (charCodeAt's NaN, as a number comparisons reject). */
function at(s: Buffer, i: number): number {
  return i < s.length ? s[i] : -1;
}

function skipWs(s: Buffer, i: number): number {
  for (;;) {
    const c = at(s, i);
    if (c === 32 || c === 10 || c === 13 || c === 9) i++;
    else return i;
  }
}

/** The index just after the string that starts at s[i] (a quote), or -1. */
function endOfString(s: Buffer, i: number): number {
  let from = i + 1;
  for (;;) {
    const q = s.indexOf(QUOTE, from);
    if (q < 0) return -1;
    let backslashes = 0;
    for (let k = q - 1; k > i && s[k] === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    from = q + 1;
  }
}

/** The index just after the value that starts at s[i], or -1. Strings inside are skipped whole. */
function endOfValue(s: Buffer, i: number): number {
  const c = at(s, i);
  if (c === QUOTE) return endOfString(s, i);
  if (c === OPEN_BRACE || c === OPEN_BRACKET) {
    let depth = 0;
    for (let j = i; j < s.length;) {
      const d = at(s, j);
      if (d === QUOTE) {
        j = endOfString(s, j);
        if (j < 0) return -1;
        continue;
      }
      if (d === OPEN_BRACE || d === OPEN_BRACKET) depth++;
      else if ((d === CLOSE_BRACE || d === CLOSE_BRACKET) && --depth === 0) return j + 1;
      j++;
    }
    return -1;
  }
  let j = i;
  for (;;) {
    const d = at(s, j);
    if (j >= s.length || d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || d === 32 || d === 10 || d === 13 || d === 9) break;
    j++;
  }
  return j > i ? j : -1;
}

/**
 * Walks the members of the object that starts at s[i] (a brace). `visit` gets the key's bytes
 * [keyStart, keyEnd) (unescaped keys only) and where the value starts, and returns where the
 * value ends (-1: malformed) or undefined to have it skipped. Returns the index after the
 * closing brace, or -1.
 */
function members(s: Buffer, i: number, visit: (keyStart: number, keyEnd: number, start: number) => number | undefined): number {
  let j = skipWs(s, i + 1);
  if (at(s, j) === CLOSE_BRACE) return j + 1;
  for (;;) {
    if (at(s, j) !== QUOTE) return -1;
    const keyEnd = endOfString(s, j);
    if (keyEnd < 0) return -1;
    if (hasBackslash(s, j + 1, keyEnd - 1)) return -1;
    const keyStart = j + 1;
    j = skipWs(s, keyEnd);
    if (at(s, j) !== COLON) return -1;
    j = skipWs(s, j + 1);
    const end = visit(keyStart, keyEnd - 1, j) ?? endOfValue(s, j);
    if (end < 0) return -1;
    j = skipWs(s, end);
    const c = at(s, j);
    if (c === CLOSE_BRACE) return j + 1;
    if (c !== COMMA) return -1;
    j = skipWs(s, j + 1);
  }
}

/** The string value at [start, end), unescaped; undefined if it is not a string. */
function stringAt(s: Buffer, range: [number, number] | undefined): string | undefined {
  if (!range || at(s, range[0]) !== QUOTE) return undefined;
  if (hasBackslash(s, range[0] + 1, range[1] - 1)) return JSON.parse(s.toString('utf8', range[0], range[1])) as string;
  return s.toString('utf8', range[0] + 1, range[1] - 1);
}

function hasBackslash(s: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (s[i] === BACKSLASH) return true;
  return false;
}
