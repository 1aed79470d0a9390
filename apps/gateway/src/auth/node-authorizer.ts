import type { KindInfo } from '@wake/events';
import { actorString, nodeReadRefusal, nodeReadShapeRefusal, readOnlyThroughPods } from '@wake/store';
import { HttpError } from '../http/status';
import { query, type RequestContext } from '../server/context';
import { forbidden } from './forbidden';
import { nameOfFieldSelector, requestVerb } from './request-verb';

const flag = (v: string | null) => v === 'true' || v === '1';

/**
 * Kubernetes' Node authorizer for what a node reads through the gateway: a Secret, ConfigMap or
 * PersistentVolumeClaim only when a pod bound to that node references it (get, or a list/watch pinned
 * to it by a metadata.name field selector). The pods come from the projection once it has reached the
 * log's end as of the request's start (read your writes: a pod the agent has seen bound counts).
 * Other kinds, and other actors, pass; writes are NodeRestriction's, in the store.
 */
export async function authorizeNodeRead(ctx: RequestContext, info: KindInfo, namespace: string | undefined, name: string | undefined, subresource: string | undefined): Promise<void> {
  const actor = ctx.user;
  if (actor.type !== 'node' || !readOnlyThroughPods(info.kind)) return;
  const verb = requestVerb(ctx.req.method ?? 'GET', name, flag(query(ctx, 'watch')));
  const request = { verb, kind: info.kind, namespace, name: name ?? nameOfFieldSelector(query(ctx, 'fieldSelector')), subresource };
  const deny = (reason: string): never => {
    throw new HttpError(forbidden({ user: actorString(actor), verb, resource: info.plural, group: info.group, namespace, name: request.name, subresource }, reason));
  };
  const shape = nodeReadShapeRefusal(request);
  if (shape) deny(shape);
  const { log, progress, projection, config } = ctx.deps;
  await progress.waitFor(await log.lastSeq(), config.listWaitMs);
  const pods = await projection.list({ kind: 'Pod', namespace, nodeName: actor.node });
  const refusal = nodeReadRefusal(actor.node, request, pods);
  if (refusal) deny(refusal);
}
