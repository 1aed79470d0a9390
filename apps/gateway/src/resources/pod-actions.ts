import { WakeError, type KindInfo, type KubeObject } from '@wake/events';
import { decodeObjectBody, readBody, requireObject } from '../http/body';
import { sendJson } from '../http/reply';
import { badRequest, HttpError, success } from '../http/status';
import type { RequestContext } from '../server/context';
import { keyFor } from './read';
import { dryRunOf } from './write-options';

/** POST pods/<name>/binding: assigns the pod to a node (what a scheduler does), once. */
export async function bindPod(ctx: RequestContext, info: KindInfo, namespace: string | undefined, name: string): Promise<void> {
  const body = requireObject(decodeObjectBody(await readBody(ctx.req, ctx.deps.config.maxBodyBytes), ctx.req.headers['content-type']));
  const target = (body.target ?? {}) as { name?: string; kind?: string };
  if (!target.name) throw new HttpError(badRequest('Binding "' + name + '" is invalid: target.name: Required value'));
  const pod = await ctx.deps.store.mustGet(keyFor(info, namespace, name));
  const spec = (pod.spec ?? {}) as { nodeName?: string };
  if (spec.nodeName) throw new WakeError('Conflict', `Operation cannot be fulfilled on pods/binding "${name}": pod ${name} is already assigned to node "${spec.nodeName}"`);
  if (pod.metadata.deletionTimestamp) throw new WakeError('Conflict', `Operation cannot be fulfilled on pods/binding "${name}": pod ${name} is being deleted, cannot be assigned to a host`);
  const bound: KubeObject = { ...pod, spec: { ...spec, nodeName: target.name } };
  await ctx.deps.store.update(bound, { actor: ctx.user, intent: 'Bound', dryRun: dryRunOf(ctx.url.searchParams.getAll('dryRun')) });
  sendJson(ctx.res, 201, success());
}

/** POST pods/<name>/eviction: deletes the pod with the Eviction's delete options (no disruption budgets yet). */
export async function evictPod(ctx: RequestContext, info: KindInfo, namespace: string | undefined, name: string): Promise<void> {
  const body = requireObject(decodeObjectBody(await readBody(ctx.req, ctx.deps.config.maxBodyBytes), ctx.req.headers['content-type']));
  const opts = (body.deleteOptions ?? {}) as { gracePeriodSeconds?: number; dryRun?: string[]; preconditions?: { uid?: string; resourceVersion?: string } };
  await ctx.deps.store.delete(keyFor(info, namespace, name), {
    actor: ctx.user, gracePeriodSeconds: opts.gracePeriodSeconds, preconditions: opts.preconditions, dryRun: dryRunOf(opts.dryRun ?? []),
  });
  sendJson(ctx.res, 201, success());
}
