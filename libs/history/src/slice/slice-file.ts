import type { StoredEvent } from '@wake/events';
import type { FoldEntry } from '../state/state-fold';

/**
 * A slice file (`wake export`, `wake replay --save`; `wake import` and `wake replay --file` read
 * it), NDJSON: this header line, then optional state lines (`{"wakeSliceSeed": {kind, namespace,
 * name, seq, type, object}}`: the objects as they were just before `from`), then one stored
 * event per line in sequence order.
 */
export interface SliceHeader {
  readonly wakeLogSlice: 1;
  readonly stream: string;
  readonly from: number;
  readonly to: number;
  readonly exportedAt: string;
  /** How many state lines follow the header (absent: none; the file's events start from an empty cluster). */
  readonly state?: number;
}

/** A state line: one object as it was just before the slice. */
export interface SliceSeedLine {
  readonly wakeSliceSeed: FoldEntry;
}

/** One parsed line of a slice file. */
export type SliceLine =
  | { readonly header: SliceHeader }
  | { readonly seed: FoldEntry }
  | { readonly event: StoredEvent };

export const sliceHeaderLine = (h: SliceHeader): string => JSON.stringify(h) + '\n';
/** A state line of a slice file (`wake export --with-state`, `wake replay --save`). */
export const sliceSeedLine = (entry: FoldEntry): string => JSON.stringify({ wakeSliceSeed: entry } satisfies SliceSeedLine) + '\n';
export const sliceEventLine = (e: StoredEvent): string => JSON.stringify(e) + '\n';

/** Is this parsed slice line a state line (not an event)? */
export function isSliceSeedLine(v: unknown): v is SliceSeedLine {
  return typeof v === 'object' && v !== null && 'wakeSliceSeed' in v;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSeq = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isStr = (v: unknown) => typeof v === 'string';

/** What is wrong with an object entry (an event or a state line's object), or undefined. */
function entryProblem(o: Record<string, unknown>): string | undefined {
  if (!isSeq(o.seq)) return 'no sequence (seq)';
  if (!isStr(o.type) || !o.type) return 'no type';
  if (!isStr(o.kind) || !o.kind || !isStr(o.name) || !o.name || !isStr(o.namespace)) return 'no kind, namespace and name';
  if (!isObj(o.object) || !isObj(o.object.metadata)) return 'no object with metadata';
  return undefined;
}

/** Parses and checks one line (1-based `lineNo` for the message). Malformed: an Error naming the line. */
export function parseSliceLine(line: string, lineNo: number): SliceLine {
  let v: unknown;
  try { v = JSON.parse(line); } catch { throw new Error(`line ${lineNo}: not JSON`); }
  if (!isObj(v)) throw new Error(`line ${lineNo}: not a JSON object`);
  if (v.wakeLogSlice !== undefined) {
    if (v.wakeLogSlice !== 1) throw new Error(`line ${lineNo}: unknown slice format version ${JSON.stringify(v.wakeLogSlice)}`);
    if (!isSeq(v.from) || !isSeq(v.to)) throw new Error(`line ${lineNo}: header without from and to`);
    if (v.state !== undefined && !isSeq(v.state)) throw new Error(`line ${lineNo}: header state must be a count`);
    return { header: v as unknown as SliceHeader };
  }
  if (isSliceSeedLine(v)) {
    const s = v.wakeSliceSeed as unknown;
    const problem = isObj(s) ? entryProblem(s) : 'not an object';
    if (problem) throw new Error(`line ${lineNo}: malformed state line: ${problem}`);
    return { seed: s as FoldEntry };
  }
  const problem = entryProblem(v) ?? (!isStr(v.id) || !v.id ? 'no id' : undefined);
  if (problem) throw new Error(`line ${lineNo}: malformed event: ${problem}`);
  return { event: v as unknown as StoredEvent };
}

/**
 * Reads a slice file's lines, checking each and their order (the header first, state lines before
 * events, as many state lines as the header says). Blank lines are skipped. Errors name the line;
 * each parsed line carries its (1-based) number.
 */
export async function* readSliceLines(lines: AsyncIterable<string>): AsyncGenerator<SliceLine & { readonly line: number }> {
  let n = 0;
  let header: SliceHeader | undefined;
  let seeds = 0;
  let events = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    const l = parseSliceLine(line, n);
    if ('header' in l) {
      if (header) throw new Error(`line ${n}: a second header line`);
      header = l.header;
    } else if (!header) {
      throw new Error('not a Wake log slice (no header line)');
    } else if ('seed' in l) {
      if (events) throw new Error(`line ${n}: a state line after the events (state lines come right after the header)`);
      seeds++;
    } else {
      events++;
    }
    yield { ...l, line: n };
  }
  if (!header) throw new Error('not a Wake log slice (no header line)');
  if (header.state !== undefined && header.state !== seeds) throw new Error(`the header announces ${header.state} state lines, the file has ${seeds} (truncated?)`);
}
