import { kindInfo } from '@wake/events';
import { decodeObjectBody, readBody, requireObject } from '../http/body';
import { addWarnings, sendJson } from '../http/reply';
import { badRequest, failure, HttpError, methodNotAllowed } from '../http/status';
import type { RequestContext } from '../server/context';
import { hpaV1ToV2, hpaV2ToV1, v2OnlyAnnotation } from './hpa-v1-conversion';
import { writeOptions } from './write-options';

const HPA = kindInfo('HorizontalPodAutoscaler')!;
const COLLECTION = /^\/apis\/autoscaling\/v1\/namespaces\/([^/]+)\/horizontalpodautoscalers(?:\/([^/]+))?$/;

/** `/apis/autoscaling/v1/namespaces/<ns>/horizontalpodautoscalers[/<name>]`: the namespace and name, or undefined for any other path. */
export function parseAutoscalingV1Path(path: string): { namespace: string; name?: string } | undefined {
  const m = COLLECTION.exec(path);
  if (!m) return undefined;
  try {
    return { namespace: decodeURIComponent(m[1]), ...(m[2] !== undefined ? { name: decodeURIComponent(m[2]) } : {}) };
  } catch {
    throw new HttpError(badRequest(`malformed path ${path}`));
  }
}

/**
 * autoscaling/v1 HorizontalPodAutoscalers, for `kubectl autoscale` (kubectl 1.32's typed client posts
 * v1): a create is converted to autoscaling/v2 — the version Wake stores and discovery serves — goes
 * through the same store (validation, defaulting, the log), and is answered in v1. Reads and other
 * writes are served in v2 only: discovery does not list v1, so kubectl never asks for them.
 */
export async function serveAutoscalingV1(ctx: RequestContext, target: { namespace: string; name?: string }): Promise<void> {
  const method = ctx.req.method ?? 'GET';
  ctx.resource = HPA.plural;
  if (target.name !== undefined || method !== 'POST') {
    if (target.name === undefined && method !== 'GET') throw new HttpError(methodNotAllowed(method));
    throw new HttpError(failure(404, 'NotFound', 'Wake serves autoscaling/v1 horizontalpodautoscalers for create only (what kubectl autoscale sends); read and change them as autoscaling/v2', { group: 'autoscaling', kind: HPA.plural }));
  }
  ctx.verb = 'create';
  const body = requireObject(decodeObjectBody(await readBody(ctx.req, ctx.deps.config.maxBodyBytes), ctx.req.headers['content-type']));
  if (body.apiVersion !== 'autoscaling/v1' || body.kind !== 'HorizontalPodAutoscaler') {
    throw new HttpError(badRequest(`the API version in the data (${String(body.apiVersion)}) does not match the expected API version (autoscaling/v1)`));
  }
  if (typeof body.metadata !== 'object' || body.metadata === null) body.metadata = {};
  const annotation = v2OnlyAnnotation(body);
  if (annotation) throw new HttpError(badRequest(`Wake does not convert the annotation ${annotation} of an autoscaling/v1 HorizontalPodAutoscaler: create it as autoscaling/v2`));
  const warnings: string[] = [];
  const created = await ctx.deps.store.create(hpaV1ToV2(body), { ...writeOptions(ctx, warnings), namespace: target.namespace });
  addWarnings(ctx.res, warnings);
  sendJson(ctx.res, 201, hpaV2ToV1(created));
}
