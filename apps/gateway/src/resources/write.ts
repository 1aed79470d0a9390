import { apiVersionOf, WakeError, type KindInfo, type KubeObject } from '@wake/events';
import { checkTypeMeta, type DeleteOptions, type PropagationPolicy } from '@wake/store';
import { decodeObjectBody, parseJson, parseYaml, readBody, requireObject } from '../http/body';
import { mediaType } from '../http/negotiate';
import { addWarnings, sendJson } from '../http/reply';
import { badRequest, HttpError, success, unsupportedMediaType } from '../http/status';
import { query, type RequestContext } from '../server/context';
import { keyFor, respondObject, typed, consistentSnapshot } from './read';
import { selectionOf, selects } from './list-query';
import { dryRunOf, writeOptions } from './write-options';

const PATCH_TYPES = ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/apply-patch+yaml'];

async function objectBody(ctx: RequestContext): Promise<KubeObject> {
  const body = await readBody(ctx.req, ctx.deps.config.maxBodyBytes);
  const obj = requireObject(decodeObjectBody(body, ctx.req.headers['content-type'])) as KubeObject;
  if (typeof obj.metadata !== 'object' || obj.metadata === null) obj.metadata = {} as KubeObject['metadata'];
  return obj;
}

/** POST to a collection. */
export async function createObject(ctx: RequestContext, info: KindInfo, namespace: string | undefined): Promise<void> {
  const obj = await objectBody(ctx);
  obj.apiVersion ??= apiVersionOf(info);
  obj.kind ??= info.kind;
  checkTypeMeta(obj, info.kind);
  const warnings: string[] = [];
  const created = await ctx.deps.store.create(obj, { ...writeOptions(ctx, warnings), namespace: info.namespaced ? namespace : undefined });
  addWarnings(ctx.res, warnings);
  respondObject(ctx, info, created, 201);
}

/** PUT of an object (or its status, or a Namespace's finalize). */
export async function updateObject(ctx: RequestContext, info: KindInfo, namespace: string | undefined, name: string, subresource?: 'status'): Promise<void> {
  const obj = await objectBody(ctx);
  checkTypeMeta(obj, info.kind);
  if (obj.metadata.name !== name) throw new HttpError(badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${name})`));
  if (info.namespaced) {
    if (obj.metadata.namespace && obj.metadata.namespace !== namespace) {
      throw new HttpError(badRequest('the namespace of the provided object does not match the namespace sent on the request'));
    }
    obj.metadata.namespace = namespace;
  }
  const warnings: string[] = [];
  await ctx.deps.store.mustGet(keyFor(info, namespace, name));
  const updated = await ctx.deps.store.update(obj, { ...writeOptions(ctx, warnings), subresource });
  addWarnings(ctx.res, warnings);
  respondObject(ctx, info, updated, 200);
}

/** The raw PATCH body and its type; unknown types are a 415 before anything is read further. */
export async function patchBody(ctx: RequestContext): Promise<{ type: string; body: unknown }> {
  const type = mediaType(ctx.req.headers['content-type']);
  if (!PATCH_TYPES.includes(type)) throw new HttpError(unsupportedMediaType(type, PATCH_TYPES));
  const raw = await readBody(ctx.req, ctx.deps.config.maxBodyBytes);
  return { type, body: type === 'application/apply-patch+yaml' ? parseYaml(raw) : parseJson(raw) };
}

/** PATCH: JSON patch, merge patch, strategic merge patch, or server-side apply. */
export async function patchObject(ctx: RequestContext, info: KindInfo, namespace: string | undefined, name: string, subresource?: 'status'): Promise<void> {
  const { type, body } = await patchBody(ctx);
  const key = keyFor(info, namespace, name);
  const warnings: string[] = [];
  const opts = { ...writeOptions(ctx, warnings), subresource };
  if (type === 'application/apply-patch+yaml') {
    const applied = requireObject(body, 'applied configuration') as KubeObject;
    applied.metadata ??= {} as KubeObject['metadata'];
    checkTypeMeta(applied, info.kind);
    if (info.namespaced) {
      if (applied.metadata.namespace && applied.metadata.namespace !== namespace) {
        throw new HttpError(badRequest('the namespace of the provided object does not match the namespace sent on the request'));
      }
      applied.metadata.namespace = namespace;
    }
    const force = query(ctx, 'force') === 'true';
    const manager = query(ctx, 'fieldManager');
    if (!manager) throw new WakeError('BadRequest', 'PATCH, fieldManager is required for apply requests');
    if (subresource) throw new HttpError(badRequest('server-side apply of subresources is not supported by Wake'));
    const { object, created } = await ctx.deps.store.apply(key, applied, { ...opts, fieldManager: manager, force });
    addWarnings(ctx.res, warnings);
    respondObject(ctx, info, object, created ? 201 : 200);
    return;
  }
  const patched = await ctx.deps.store.patch(key, body, type, opts);
  addWarnings(ctx.res, warnings);
  respondObject(ctx, info, patched, 200);
}

/** DeleteOptions from the body (where kubectl puts dryRun) and the query. */
export async function deleteOptionsOf(ctx: RequestContext): Promise<DeleteOptions & { dryRun: boolean }> {
  const raw = await readBody(ctx.req, ctx.deps.config.maxBodyBytes);
  // JSON from kubectl delete; Protobuf from typed clients (drain --disable-eviction deletes through one)
  const body = raw.length ? requireObject(decodeObjectBody(raw, ctx.req.headers['content-type']), 'DeleteOptions') : {};
  const q = ctx.url.searchParams;
  const policy = (body.propagationPolicy ?? q.get('propagationPolicy') ?? undefined) as PropagationPolicy | undefined;
  if (policy !== undefined && !['Background', 'Foreground', 'Orphan'].includes(policy)) {
    throw new HttpError(badRequest(`propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan"`));
  }
  if (body.orphanDependents === true && policy === undefined) return deleteOptionsFrom(body, q, 'Orphan');
  return deleteOptionsFrom(body, q, policy);
}

function deleteOptionsFrom(body: Record<string, unknown>, q: URLSearchParams, policy: PropagationPolicy | undefined) {
  const grace = body.gracePeriodSeconds ?? (q.get('gracePeriodSeconds') !== null ? Number(q.get('gracePeriodSeconds')) : undefined);
  const dry = Array.isArray(body.dryRun) ? (body.dryRun as string[]) : q.getAll('dryRun');
  return {
    propagationPolicy: policy,
    gracePeriodSeconds: typeof grace === 'number' && Number.isFinite(grace) ? grace : undefined,
    preconditions: body.preconditions as DeleteOptions['preconditions'],
    dryRun: dryRunOf(dry),
  };
}

/** DELETE of one object: 200 with a Status when it is gone, 202 with the object while it is being deleted. */
export async function deleteObject(ctx: RequestContext, info: KindInfo, namespace: string | undefined, name: string): Promise<void> {
  const options = await deleteOptionsOf(ctx);
  const { object, removed } = await ctx.deps.store.delete(keyFor(info, namespace, name), { actor: ctx.user, ...options });
  if (removed) {
    sendJson(ctx.res, 200, success({ name, group: info.group, kind: info.plural, uid: object.metadata.uid }));
  } else {
    sendJson(ctx.res, 202, typed(info, object));
  }
}

/** DELETE of a collection: every object the selectors match, one delete each. */
export async function deleteCollection(ctx: RequestContext, info: KindInfo, namespace: string | undefined): Promise<void> {
  const options = await deleteOptionsOf(ctx);
  const sel = selectionOf(info.kind, query(ctx, 'labelSelector'), query(ctx, 'fieldSelector'));
  const { objects, seq } = await consistentSnapshot(ctx, info, namespace);
  const deleted: KubeObject[] = [];
  for (const o of objects.filter((x) => selects(sel, info.kind, x))) {
    try {
      const r = await ctx.deps.store.delete(keyFor(info, o.metadata.namespace, o.metadata.name), { actor: ctx.user, ...options });
      deleted.push(typed(info, r.object));
    } catch (e) {
      if (!(e instanceof WakeError && e.code === 'NotFound')) throw e;
    }
  }
  sendJson(ctx.res, 200, { kind: `${info.kind}List`, apiVersion: apiVersionOf(info), metadata: { resourceVersion: String(seq) }, items: deleted });
}
