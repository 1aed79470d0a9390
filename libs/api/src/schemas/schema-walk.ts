/**
 * Checks an object against the OpenAPI schemas of its kind, as the apiserver's strict decoding does:
 * fields the schema does not know (`fieldValidation=Strict` rejects them, `Warn` reports them) and
 * values of the wrong JSON type. `null` is accepted anywhere, as the apiserver treats it as unset.
 */
import type { FieldCause } from '@wake/events';
import { REF_PREFIX, kindDefinitionName, wakeDefinitions, type SchemaObject } from './definitions';

type Visit = (path: string, value: unknown, schema: SchemaObject) => boolean; // false: do not descend

/** The paths of fields the schema of `obj.kind` does not define, e.g. ['spec.foo', 'spec.template.spec.containers[0].imagePolicy']. */
export function unknownFields(obj: unknown): string[] {
  const out: string[] = [];
  walkObject(obj, (path, value, schema) => {
    const props = schema.properties as Record<string, SchemaObject> | undefined;
    if (props && isPlainObject(value)) {
      for (const key of Object.keys(value)) if (!(key in props)) out.push(join(path, key));
    }
    return true;
  });
  return out;
}

/** Values whose JSON type differs from the schema's, as FieldValueTypeInvalid causes. */
export function typeProblems(obj: unknown): FieldCause[] {
  const out: FieldCause[] = [];
  walkObject(obj, (path, value, schema) => {
    const expected = expectedType(schema);
    if (value === null || expected === undefined || accepts(expected, value)) return true;
    const actual = jsonType(value);
    out.push({
      field: path,
      reason: 'FieldValueTypeInvalid',
      message: `Invalid value: "${actual}": ${path} in body must be of type ${expected}: "${actual}"`,
    });
    return false;
  });
  return out;
}

function walkObject(obj: unknown, visit: Visit): void {
  if (!isPlainObject(obj) || typeof obj.kind !== 'string') return;
  const root = wakeDefinitions()[kindDefinitionName(obj.kind)];
  if (root) walk('', obj, root, visit);
}

function walk(path: string, value: unknown, raw: SchemaObject, visit: Visit): void {
  const schema = resolve(raw);
  if (value === null || value === undefined || !visit(path, value, schema)) return;
  if (schema['x-kubernetes-preserve-unknown-fields']) return;
  const props = schema.properties as Record<string, SchemaObject> | undefined;
  const additional = schema.additionalProperties as SchemaObject | undefined;
  if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (props?.[k]) walk(join(path, k), v, props[k], visit);
      else if (additional) walk(`${path}[${k}]`, v, additional, visit);
    }
  } else if (Array.isArray(value) && schema.items) {
    value.forEach((v, i) => walk(`${path}[${i}]`, v, schema.items as SchemaObject, visit));
  }
}

function resolve(schema: SchemaObject): SchemaObject {
  let s = schema;
  for (;;) {
    if (typeof s.$ref === 'string') s = wakeDefinitions()[s.$ref.slice(REF_PREFIX.length)] ?? {};
    else if (Array.isArray(s.allOf) && s.allOf.length === 1) s = s.allOf[0] as SchemaObject;
    else return s;
  }
}

type Expected = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'integer or string' | 'string or number';

function expectedType(s: SchemaObject): Expected | undefined {
  if (s['x-kubernetes-int-or-string']) return 'integer or string';
  if (Array.isArray(s.oneOf)) return 'string or number';
  return s.type as Expected | undefined;
}

function accepts(expected: Expected, v: unknown): boolean {
  switch (expected) {
    case 'string': return typeof v === 'string';
    case 'integer': return Number.isInteger(v);
    case 'number': return typeof v === 'number';
    case 'boolean': return typeof v === 'boolean';
    case 'object': return isPlainObject(v);
    case 'array': return Array.isArray(v);
    case 'integer or string': return typeof v === 'string' || Number.isInteger(v);
    case 'string or number': return typeof v === 'string' || typeof v === 'number';
  }
}

function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
