import {
  type LabelOperator, type LabelRequirement, type LabelSelector, labelKeyErrors, newRequirement,
  selectorError, sortRequirements,
} from './label-requirement';

type Tok = 'id' | 'in' | 'notin' | '!' | '!=' | '=' | '==' | '>' | '<' | '(' | ')' | ',' | 'end' | 'error';
interface Token { readonly tok: Tok; readonly lit: string }

const SYMBOLS = new Set(['!', '!=', '=', '==', '>', '<', '(', ')', ',']);
const isSpecial = (c: string): boolean => '=!(),><'.includes(c);
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';

/** Splits a selector into tokens the way apimachinery's labels.Lexer does. */
function lex(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (isSpace(c)) {
      i++;
    } else if (isSpecial(c)) {
      let buf = '';
      let last: Token | undefined;
      while (i < s.length && isSpecial(s[i])) {
        buf += s[i];
        if (SYMBOLS.has(buf)) last = { tok: buf as Tok, lit: buf };
        else if (last) break;
        i++;
      }
      out.push(last ?? { tok: 'error', lit: `error expected: keyword found '${buf}'` });
      if (!last) return out;
    } else {
      let j = i;
      while (j < s.length && !isSpace(s[j]) && !isSpecial(s[j])) j++;
      const word = s.slice(i, j);
      out.push({ tok: word === 'in' ? 'in' : word === 'notin' ? 'notin' : 'id', lit: word });
      i = j;
    }
  }
  out.push({ tok: 'end', lit: '' });
  return out;
}

/**
 * Parses a label selector string (`app=web,tier notin (x),!canary,version`) into requirements
 * sorted by key. Throws WakeError 'BadRequest' with apimachinery's messages on bad syntax.
 * The empty string selects everything.
 */
export function parseLabelSelector(selector: string): LabelSelector {
  const p = new Parser(lex(selector));
  return { requirements: sortRequirements(p.parse()) };
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  /** In the values context `in` and `notin` are plain identifiers. */
  private peek(values = true): Token {
    const t = this.tokens[Math.min(this.pos, this.tokens.length - 1)];
    return values && (t.tok === 'in' || t.tok === 'notin') ? { tok: 'id', lit: t.lit } : t;
  }

  private next(values = true): Token {
    const t = this.peek(values);
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }

  parse(): LabelRequirement[] {
    const out: LabelRequirement[] = [];
    for (;;) {
      const t = this.peek();
      if (t.tok === 'end') return out;
      if (t.tok !== 'id' && t.tok !== '!') throw selectorError(`found '${t.lit}', expected: !, identifier, or 'end of string'`);
      try {
        out.push(this.requirement());
      } catch (e) {
        throw selectorError(`unable to parse requirement: ${(e as Error).message}`);
      }
      const after = this.next();
      if (after.tok === 'end') return out;
      if (after.tok !== ',') throw selectorError(`found '${after.lit}', expected: ',' or 'end of string'`);
      const following = this.peek();
      if (following.tok !== 'id' && following.tok !== '!') {
        throw selectorError(`found '${following.lit}', expected: identifier after ','`);
      }
    }
  }

  private requirement(): LabelRequirement {
    let t = this.next();
    const notExists = t.tok === '!';
    if (notExists) t = this.next();
    if (t.tok !== 'id') throw new Error(`found '${t.lit}', expected: identifier`);
    const key = t.lit;
    const errs = labelKeyErrors(key);
    if (errs.length) throw new Error(`key: Invalid value: ${JSON.stringify(key)}: ${errs.join('; ')}`);
    const ahead = this.peek().tok;
    if (notExists || ahead === 'end' || ahead === ',') {
      if (notExists) return newRequirement(key, '!', []);
      return newRequirement(key, 'exists', []);
    }
    const op = this.operator();
    const values = op === 'in' || op === 'notin' ? this.valueSet() : this.exactValue();
    return newRequirement(key, op, values);
  }

  private operator(): LabelOperator {
    const t = this.next(false);
    switch (t.tok) {
      case 'in': case 'notin': case '=': case '==': case '!=': return t.tok;
      case '>': return 'gt';
      case '<': return 'lt';
      default:
        throw new Error(`found '${t.lit}', expected: ${['=', '!=', '==', 'in', 'notin', 'gt', 'lt'].join(', ')}`);
    }
  }

  private exactValue(): string[] {
    const ahead = this.peek();
    if (ahead.tok === 'end' || ahead.tok === ',') return [''];
    const t = this.next();
    if (t.tok === 'id') return [t.lit];
    throw new Error(`found '${t.lit}', expected: identifier`);
  }

  private valueSet(): string[] {
    const open = this.next();
    if (open.tok !== '(') throw new Error(`found '${open.lit}' expected: '('`);
    const ahead = this.peek();
    if (ahead.tok === ')') {
      this.next();
      return [''];
    }
    if (ahead.tok !== 'id' && ahead.tok !== ',') throw new Error(`found '${ahead.lit}', expected: ',', ')' or identifier`);
    const values = this.identifiers();
    const close = this.next();
    if (close.tok !== ')') throw new Error(`found '${ahead.lit}', expected: ')'`);
    return values;
  }

  private identifiers(): string[] {
    const values: string[] = [];
    for (;;) {
      const t = this.next();
      if (t.tok === 'id') {
        values.push(t.lit);
        const after = this.peek();
        if (after.tok === ',') continue;
        if (after.tok === ')') return values;
        throw new Error(`found '${after.lit}', expected: ',' or ')'`);
      }
      if (t.tok !== ',') throw new Error(`found '${t.lit}', expected: ',', or identifier`);
      if (values.length === 0) values.push('');
      const after = this.peek();
      if (after.tok === ')') {
        values.push('');
        return values;
      }
      if (after.tok === ',') {
        this.next();
        values.push('');
      }
    }
  }
}
