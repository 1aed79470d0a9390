/**
 * Kubernetes' `$(VAR)` expansion for env values, command and args: a reference to a defined
 * variable is replaced, an undefined one is left as written, and `$$` escapes a `$`.
 */
export function expandVars(input: string, vars: ReadonlyMap<string, string>): string {
  let out = '';
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (ch !== '$' || i + 1 >= input.length) { out += ch; continue; }
    const next = input[i + 1];
    if (next === '$') { out += '$'; i++; continue; }
    if (next === '(') {
      const end = input.indexOf(')', i + 2);
      if (end > 0) {
        const name = input.slice(i + 2, end);
        out += vars.has(name) ? vars.get(name) : `$(${name})`;
        i = end;
        continue;
      }
    }
    out += ch;
  }
  return out;
}
