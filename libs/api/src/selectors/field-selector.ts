import { WakeError } from '@wake/events';
import { fieldLabelValue } from './field-labels';

export interface FieldTerm {
  readonly field: string;
  readonly operator: '=' | '!=';
  readonly value: string;
}

/** A parsed field selector: terms ANDed, sorted as apimachinery sorts them. */
export interface FieldSelector {
  readonly terms: readonly FieldTerm[];
}

const OPERATORS = ['!=', '==', '='] as const;

/**
 * Parses `metadata.name=x,status.phase!=Failed` (also `==`; `\,` `\=` `\\` escape values).
 * Throws WakeError 'BadRequest' with apimachinery's messages. The empty string selects all.
 */
export function parseFieldSelector(selector: string): FieldSelector {
  const terms: FieldTerm[] = [];
  for (const part of splitTerms(selector).sort()) {
    if (part === '') continue;
    const split = splitTerm(part);
    if (!split) throw new WakeError('BadRequest', `invalid selector: '${selector}'; can't understand '${part}'`);
    const [field, op, raw] = split;
    terms.push({ field, operator: op === '!=' ? '!=' : '=', value: unescape(raw) });
  }
  return { terms };
}

/** Throws `field label not supported: x` (400) for a field the kind cannot be selected by. */
export function checkFieldSelector(selector: FieldSelector, kind: string): void {
  for (const t of selector.terms) {
    if (fieldLabelValue(kind, {}, t.field) === undefined) {
      throw new WakeError('BadRequest', `field label not supported: ${t.field}`);
    }
  }
}

/** Whether `object` of `kind` satisfies every term; unsupported fields throw as above. */
export function matchesFields(selector: FieldSelector, kind: string, object: unknown): boolean {
  return selector.terms.every((t) => {
    const value = fieldLabelValue(kind, object, t.field);
    if (value === undefined) throw new WakeError('BadRequest', `field label not supported: ${t.field}`);
    return t.operator === '=' ? value === t.value : value !== t.value;
  });
}

export function fieldSelectorToString(selector: FieldSelector): string {
  return selector.terms.map((t) => `${t.field}${t.operator}${escape(t.value)}`).join(',');
}

function splitTerms(s: string): string[] {
  const out: string[] = [];
  let start = 0;
  let slash = false;
  for (let i = 0; i < s.length; i++) {
    if (slash) slash = false;
    else if (s[i] === '\\') slash = true;
    else if (s[i] === ',') {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

function splitTerm(term: string): [string, string, string] | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of OPERATORS) {
      if (term.startsWith(op, i)) return [term.slice(0, i), op, term.slice(i + op.length)];
    }
  }
  return undefined;
}

function unescape(s: string): string {
  let out = '';
  let slash = false;
  for (const c of s) {
    if (slash) {
      if (c !== '\\' && c !== ',' && c !== '=') {
        throw new WakeError('BadRequest', `invalid field selector: invalid escape sequence: \\${c}`);
      }
      out += c;
      slash = false;
    } else if (c === '\\') slash = true;
    else if (c === ',' || c === '=') {
      throw new WakeError('BadRequest', `invalid field selector: unescaped character in value: ${c}`);
    } else out += c;
  }
  if (slash) throw new WakeError('BadRequest', 'invalid field selector: invalid escape sequence: \\');
  return out;
}

const escape = (v: string): string => v.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/=/g, '\\=');
