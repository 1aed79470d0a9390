import { kindByResource, type KubeObject } from '@wake/events';
import { readOnlyThroughPods } from '@wake/store';
import { decodeObjectBody, readBody, requireObject } from '../http/body';
import { sendJson } from '../http/reply';
import { badRequest, HttpError, methodNotAllowed } from '../http/status';
import { REVIEW_RESOURCES, REVIEW_VERSION } from '../discovery/review-discovery';
import { parseHistoryPath } from '../history/history-path';
import { keyFor } from '../resources/read';
import type { RequestContext } from '../server/context';
import { decideAccess, USERS_ALLOWED, type AccessDecision, type ResourceAttributes } from './access-decision';
import { rulesFor } from './rules-review';
import { userInfoOf } from './user-info';

type Review = (typeof REVIEW_RESOURCES)[number];

/** The review a path names (`/apis/authorization.k8s.io/v1/selfsubjectaccessreviews`…), or undefined. */
export function reviewOfPath(path: string): Review | undefined {
  const [apis, group, version, resource, ...rest] = path.split('/').filter(Boolean);
  if (apis !== 'apis' || version !== REVIEW_VERSION || rest.length) return undefined;
  return REVIEW_RESOURCES.find((r) => r.group === group && r.resource === resource);
}

/**
 * POST of a self-review: answered (201, JSON) from the gateway's own authentication and authorization,
 * never stored. `kubectl auth can-i` (access review), `auth can-i --list` (rules review), `auth whoami`.
 */
export async function serveSelfReview(ctx: RequestContext, review: Review): Promise<void> {
  ctx.verb = 'create';
  ctx.resource = review.resource;
  if ((ctx.req.method ?? 'GET') !== 'POST') throw new HttpError(methodNotAllowed(ctx.req.method ?? 'GET'));
  const body = requireObject(decodeObjectBody(await readBody(ctx.req, ctx.deps.config.maxBodyBytes), ctx.req.headers['content-type']));
  if (body.kind !== undefined && body.kind !== review.kind) throw new HttpError(badRequest(`expected a ${review.kind}, got ${String(body.kind)}`));
  const spec = (body.spec ?? {}) as Record<string, unknown>;
  const typeMeta = { kind: review.kind, apiVersion: `${review.group}/${REVIEW_VERSION}`, metadata: { creationTimestamp: null } };
  switch (review.kind) {
    case 'SelfSubjectReview':
      return sendJson(ctx.res, 201, { ...typeMeta, status: { userInfo: userInfoOf(ctx.user) } });
    case 'SelfSubjectAccessReview':
      return sendJson(ctx.res, 201, { ...typeMeta, spec, status: await accessStatus(ctx, spec) });
    case 'SelfSubjectRulesReview': {
      const namespace = typeof spec.namespace === 'string' ? spec.namespace : '';
      return sendJson(ctx.res, 201, { ...typeMeta, spec, status: rulesFor(ctx.user, namespace, await podsOnNode(ctx)) });
    }
  }
}

async function accessStatus(ctx: RequestContext, spec: Record<string, unknown>): Promise<AccessDecision> {
  const resource = spec.resourceAttributes as ResourceAttributes | undefined;
  const nonResource = spec.nonResourceAttributes as { path?: string; verb?: string } | undefined;
  if (!resource && !nonResource) throw new HttpError(badRequest('spec: exactly one of nonResourceAttributes or resourceAttributes must be specified'));
  if (nonResource) {
    if (ctx.user.type !== 'node') return { allowed: true, reason: USERS_ALLOWED };
    const history = parseHistoryPath((nonResource.path ?? '').replace(/\/+$/, ''));
    return history ? { allowed: false, reason: 'the history API is not for node credentials' } : { allowed: true, reason: 'nodes may read this path' };
  }
  if (ctx.user.type !== 'node') return decideAccess(ctx.user, resource!, { podsOnNode: [] });
  const info = kindByResource(resource!.group ?? '', resource!.resource ?? '');
  const needsPods = info && readOnlyThroughPods(info.kind);
  const current = info && resource!.name && (info.namespaced ? resource!.namespace : true)
    ? await ctx.deps.store.get(keyFor(info, info.namespaced ? resource!.namespace : undefined, resource!.name))
    : undefined;
  return decideAccess(ctx.user, resource!, { current, podsOnNode: needsPods ? await podsOnNode(ctx) : [] });
}

/** The pods bound to the requesting node, read your writes (none for other actors). */
async function podsOnNode(ctx: RequestContext): Promise<KubeObject[]> {
  if (ctx.user.type !== 'node') return [];
  const { log, progress, projection, config } = ctx.deps;
  await progress.waitFor(await log.lastSeq(), config.listWaitMs);
  return projection.list({ kind: 'Pod', nodeName: ctx.user.node });
}
