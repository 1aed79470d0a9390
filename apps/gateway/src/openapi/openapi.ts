import { createHash } from 'node:crypto';
import { openApiV3Document, openApiV3GroupVersions } from '@wake/api';
import { KINDS, apiVersionOf, type KindInfo } from '@wake/events';

/**
 * /openapi/v3: the real schemas from libs/api plus, per kind, the PATCH operation kubectl's
 * apply looks for (matching x-kubernetes-group-version-kind, with a `fieldValidation`
 * parameter) so that it validates on the server. Strategic merge patch is deliberately not
 * listed in the request body types: kubectl then computes its apply patches from its own
 * compiled-in types, which carry the authoritative merge keys.
 */
const PATCH_TYPES = ['application/json-patch+json', 'application/merge-patch+json', 'application/apply-patch+yaml'];

function itemPath(info: KindInfo): string {
  const prefix = info.group ? `/apis/${info.group}/${info.version}` : `/api/${info.version}`;
  return info.namespaced ? `${prefix}/namespaces/{namespace}/${info.plural}/{name}` : `${prefix}/${info.plural}/{name}`;
}

const param = (name: string) => ({ name, in: 'query', schema: { type: 'string' }, uniqueItems: true });

function patchOperation(info: KindInfo) {
  return {
    patch: {
      description: `partially update the specified ${info.kind}`,
      operationId: `patch${info.kind}`,
      'x-kubernetes-action': 'patch',
      'x-kubernetes-group-version-kind': { group: info.group, version: info.version, kind: info.kind },
      parameters: [param('dryRun'), param('fieldManager'), param('fieldValidation'), { ...param('force'), schema: { type: 'boolean' } }],
      requestBody: { content: Object.fromEntries(PATCH_TYPES.map((t) => [t, { schema: { type: 'object' } }])), required: true },
      responses: { '200': { description: 'OK' }, '201': { description: 'Created' } },
    },
  };
}

const docs = new Map<string, { body: string; hash: string }>();

/** The serialized document of one group-version ('v1', 'apps/v1'), with its content hash. */
export function groupVersionDocument(groupVersion: string): { body: string; hash: string } | undefined {
  const cached = docs.get(groupVersion);
  if (cached) return cached;
  const base = openApiV3Document(groupVersion);
  if (!base) return undefined;
  const paths = Object.fromEntries(KINDS.filter((k) => apiVersionOf(k) === groupVersion).map((k) => [itemPath(k), patchOperation(k)]));
  const body = JSON.stringify({ ...base, info: { title: 'Kubernetes', version: 'v1.32.4' }, paths });
  const entry = { body, hash: createHash('sha512').update(body).digest('hex').slice(0, 32).toUpperCase() };
  docs.set(groupVersion, entry);
  return entry;
}

/** GET /openapi/v3: one entry per group-version with a hash-pinned URL. */
export function openApiRoot() {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const { groupVersion, path } of openApiV3GroupVersions()) {
    const doc = groupVersionDocument(groupVersion)!;
    paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${doc.hash}` };
  }
  return { paths };
}

/** `api/v1` → 'v1', `apis/apps/v1` → 'apps/v1'. */
export function groupVersionOfPath(path: string): string | undefined {
  const m = /^\/openapi\/v3\/(?:api\/(v1)|apis\/([^/]+\/[^/]+))$/.exec(path);
  return m ? (m[1] ?? m[2]) : undefined;
}
