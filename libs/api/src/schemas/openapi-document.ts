/**
 * The per-group-version OpenAPI v3 documents the gateway serves at /openapi/v3/api/v1 and
 * /openapi/v3/apis/<group>/<version>, which `kubectl explain` and kubectl's apply use.
 */
import { KINDS, apiVersionOf } from '@wake/events';
import { REF_PREFIX, kindDefinitionName, wakeDefinitions, type SchemaObject } from './definitions';

export interface OpenApiV3Document {
  readonly openapi: '3.0.0';
  readonly info: { readonly title: string; readonly version: string };
  readonly paths: Record<string, never>;
  readonly components: { readonly schemas: Readonly<Record<string, SchemaObject>> };
}

/** The group-versions Wake serves ('v1', 'apps/v1', ...), each with its /openapi/v3 path. */
export function openApiV3GroupVersions(): { groupVersion: string; path: string }[] {
  const gvs = [...new Set(KINDS.map(apiVersionOf))];
  return gvs.map((gv) => ({ groupVersion: gv, path: gv.includes('/') ? `apis/${gv}` : `api/${gv}` }));
}

/**
 * The document for `groupVersion` ('v1', 'apps/v1'): the schemas of Wake's kinds in that
 * group-version, their lists, and every schema they reference. Undefined for a group-version
 * Wake does not serve.
 */
export function openApiV3Document(groupVersion: string): OpenApiV3Document | undefined {
  const kinds = KINDS.filter((k) => apiVersionOf(k) === groupVersion);
  if (!kinds.length) return undefined;
  const all = wakeDefinitions();
  const schemas: Record<string, SchemaObject> = {};
  const add = (name: string) => {
    if (schemas[name] || !all[name]) return;
    schemas[name] = all[name];
    for (const r of refsIn(all[name])) add(r);
  };
  for (const k of kinds) {
    add(kindDefinitionName(k.kind));
    add(`${kindDefinitionName(k.kind)}List`);
  }
  const sorted = Object.fromEntries(Object.keys(schemas).sort().map((n) => [n, schemas[n]]));
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'unversioned' }, paths: {}, components: { schemas: sorted } };
}

function refsIn(schema: unknown, out: string[] = []): string[] {
  if (Array.isArray(schema)) schema.forEach((s) => refsIn(s, out));
  else if (schema && typeof schema === 'object') {
    for (const [k, v] of Object.entries(schema)) {
      if (k === '$ref' && typeof v === 'string') out.push(v.slice(REF_PREFIX.length));
      else refsIn(v, out);
    }
  }
  return out;
}
