/**
 * OpenAPI v3 component schemas for the kinds Wake serves, named and shaped as Kubernetes publishes
 * them (`io.k8s.api.apps.v1.Deployment`, `allOf: [{$ref}]` for described references,
 * `x-kubernetes-group-version-kind` on kinds, patch extensions on lists), built from client-node's
 * generated models and cached after the first call.
 */
import { KINDS, type KindInfo } from '@wake/events';
import { loadModel, type ModelProperty } from './client-node-models';
import { definitionName, INT_OR_STRING_DEFINITION, QUANTITY_DEFINITION, TIME_DEFINITION } from './definition-names';
import { FIELD_EXTENSIONS, QUANTITY_FIELDS } from './patch-meta';

export type SchemaObject = { [key: string]: unknown };
export type Definitions = Readonly<Record<string, SchemaObject>>;

export const REF_PREFIX = '#/components/schemas/';

const BUILTINS: Record<string, SchemaObject> = {
  [QUANTITY_DEFINITION]: {
    description: 'Quantity is a fixed-point representation of a number, e.g. "100m", "1Gi", "0.5" or a plain number.',
    oneOf: [{ type: 'string' }, { type: 'number' }],
  },
  [INT_OR_STRING_DEFINITION]: {
    description: 'IntOrString is a type that can hold an int32 or a string.',
    type: 'string', format: 'int-or-string', 'x-kubernetes-int-or-string': true,
  },
  [TIME_DEFINITION]: {
    description: 'Time is a wrapper around time.Time which supports correct marshaling to YAML and JSON. RFC 3339 form.',
    type: 'string', format: 'date-time',
  },
};

/** The client-node class of a kind's object (and `${class}List` for its list). */
export function rootClassName(kind: string): string {
  return kind === 'Event' ? 'CoreV1Event' : kind === 'HorizontalPodAutoscaler' ? 'V2HorizontalPodAutoscaler' : `V1${kind}`;
}

export function gvkOf(info: KindInfo, list = false) {
  return { group: info.group, kind: list ? `${info.kind}List` : info.kind, version: info.version };
}

let built: Definitions | undefined;

/** Every definition reachable from Wake's kinds and their lists. */
export function wakeDefinitions(): Definitions {
  if (!built) built = build(KINDS);
  return built;
}

/** Name of the definition of `kind` (e.g. 'io.k8s.api.apps.v1.Deployment'). */
export function kindDefinitionName(kind: string): string {
  return definitionName(rootClassName(kind));
}

function build(kinds: readonly KindInfo[]): Definitions {
  const out: Record<string, SchemaObject> = { ...BUILTINS };
  const visit = (className: string): string => {
    const name = definitionName(className);
    if (out[name]) return name;
    const model = loadModel(className);
    out[name] = model ? { description: model.description, type: 'object' } : { type: 'object' };
    if (!model) return name;
    const properties: Record<string, SchemaObject> = {};
    for (const p of model.properties) properties[p.name] = propertySchema(name, p, visit);
    const required = model.properties.filter((p) => p.required).map((p) => p.name);
    out[name] = { ...out[name], ...(required.length ? { required } : {}), properties };
    return name;
  };
  for (const info of kinds) {
    for (const list of [false, true]) {
      const cls = rootClassName(info.kind) + (list ? 'List' : '');
      if (!loadModel(cls)) continue;
      const name = visit(cls);
      out[name] = { ...out[name], 'x-kubernetes-group-version-kind': [gvkOf(info, list)] };
    }
  }
  return out;
}

function propertySchema(owner: string, p: ModelProperty, visit: (cls: string) => string): SchemaObject {
  const quantity = QUANTITY_FIELDS[owner]?.includes(p.name) ?? false;
  const schema = typeSchema(p.type, p.format, quantity, visit);
  const described = schema.$ref && p.description ? { allOf: [schema] } : schema;
  return { ...described, ...(p.description ? { description: p.description } : {}), ...FIELD_EXTENSIONS[owner]?.[p.name] };
}

function typeSchema(type: string, format: string, quantity: boolean, visit: (cls: string) => string): SchemaObject {
  const array = /^Array<(.+)>$/.exec(type);
  if (array) return { type: 'array', items: typeSchema(array[1], '', quantity, visit) };
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) return { type: 'object', additionalProperties: typeSchema(map[1], '', quantity, visit) };
  switch (type) {
    case 'string': return quantity ? ref(QUANTITY_DEFINITION) : { type: 'string', ...(format ? { format } : {}) };
    case 'number': return /^int/.test(format) ? { type: 'integer', format } : { type: 'number', format: format || 'double' };
    case 'boolean': return { type: 'boolean' };
    case 'Date': return ref(TIME_DEFINITION);
    case 'IntOrString': return ref(INT_OR_STRING_DEFINITION);
    case 'any': return { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
    default: return ref(visit(type));
  }
}

const ref = (name: string): SchemaObject => ({ $ref: REF_PREFIX + name });
