const SPECIAL = /[\\"]/g;

/**
 * A PostgreSQL array literal of text values ('{"a","b\\"c",NULL}'), for a `$n::text[]`
 * parameter. node-postgres builds the same literal from a JS array, but at about 5 µs per
 * kilobyte of text: in a batch of objects that was more than PostgreSQL's own work.
 */
export function textArrayLiteral(values: ReadonlyArray<string | null>): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i) out += ',';
    if (v === null) out += 'NULL';
    else out += '"' + (v.indexOf('"') < 0 && v.indexOf('\\') < 0 ? v : v.replace(SPECIAL, '\\$&')) + '"';
  }
  return out + '}';
}

/** '{1,2,3}' for a `$n::bigint[]` parameter (sequences are safe integers). */
export function integerArrayLiteral(values: ReadonlyArray<number>): string {
  return '{' + values.join(',') + '}';
}

/** '{t,f}' for a `$n::boolean[]` parameter. */
export function booleanArrayLiteral(values: ReadonlyArray<boolean>): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) out += (i ? ',' : '') + (values[i] ? 't' : 'f');
  return out + '}';
}

/**
 * A JSON array of values that are JSON text already ('[{..},null]'), for a
 * `json_array_elements($n::json)` parameter: joining needs no escaping at all.
 */
export function jsonArrayText(values: ReadonlyArray<string | null>): string {
  let out = '[';
  for (let i = 0; i < values.length; i++) out += (i ? ',' : '') + (values[i] ?? 'null');
  return out + ']';
}
