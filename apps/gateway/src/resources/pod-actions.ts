import { ConflictError, type KindInfo } from '@wake/events';
import { invalidError } from '@wake/store';
import { decodeObjectBody, readBody, requireObject } from '../http/body';
import { sendJson } from '../http/reply';
import { badRequest, HttpError, success } from '../http/status';
import type { RequestContext } from '../server/context';
import { keyFor } from './read';
import { dryRunOf } from './write-options';

/**
 * POST pods/<name>/binding: assigns the pod to a node (what a scheduler does), once, through the
 * store's binding (ObjectStore.bind: the same rules and the same one Pod.Bound event as the scheduler's).
 * Like the apiserver's GuaranteedUpdate, a concurrent change is retried unless the Binding pinned a
 * resourceVersion; a pod bound meanwhile then answers "already assigned".
 */
export async function bindPod(ctx: RequestContext, info: KindInfo, namespace: string | undefined, name: string): Promise<void> {
  const body = requireObject(decodeObjectBody(await readBody(ctx.req, ctx.deps.config.maxBodyBytes), ctx.req.headers['content-type']));
  const meta = (body.metadata ?? {}) as { name?: string; uid?: string; resourceVersion?: string; annotations?: Record<string, string> };
  if (meta.name !== undefined && meta.name !== name) throw new HttpError(badRequest('name in URL does not match name in Binding object'));
  const target = (body.target ?? {}) as { name?: string; kind?: string };
  if (target.kind && target.kind !== 'Node') {
    throw invalidError({ kind: 'Binding', metadata: { name } }, [{ field: 'target.kind', reason: 'FieldValueNotSupported', message: `Unsupported value: "${target.kind}": supported values: "Node", "<empty>"` }]);
  }
  const key = keyFor(info, namespace, name);
  const pinned = meta.resourceVersion ? Number(meta.resourceVersion) : undefined;
  const dryRun = dryRunOf(ctx.url.searchParams.getAll('dryRun'));
  for (let attempt = 0; ; attempt++) {
    const pod = await ctx.deps.store.mustGet(key);
    try {
      await ctx.deps.store.bind(key, target.name ?? '', {
        pod, expect: pinned ?? Number(pod.metadata.resourceVersion), uid: meta.uid, annotations: meta.annotations, actor: ctx.user, dryRun,
      });
      break;
    } catch (e) {
      if (!(e instanceof ConflictError) || pinned !== undefined || attempt >= 4) throw e;
    }
  }
  sendJson(ctx.res, 201, success());
}

/**
 * POST pods/<name>/eviction (`kubectl drain`; JSON from kubectl 1.32, Protobuf from other typed clients):
 * deletes the pod gracefully with the Eviction's delete options. Wake has no PodDisruptionBudgets, so no
 * eviction is refused for disruption reasons (the apiserver's 429 TooManyRequests never happens here).
 */
export async function evictPod(ctx: RequestContext, info: KindInfo, namespace: string | undefined, name: string): Promise<void> {
  const body = requireObject(decodeObjectBody(await readBody(ctx.req, ctx.deps.config.maxBodyBytes), ctx.req.headers['content-type']));
  const meta = (body.metadata ?? {}) as { name?: string };
  if (meta.name && meta.name !== name) throw new HttpError(badRequest(`name in URL does not match name in Eviction object`));
  const opts = (body.deleteOptions ?? {}) as { gracePeriodSeconds?: number; dryRun?: string[]; preconditions?: { uid?: string; resourceVersion?: string } };
  await ctx.deps.store.delete(keyFor(info, namespace, name), {
    actor: ctx.user, gracePeriodSeconds: opts.gracePeriodSeconds, preconditions: opts.preconditions, dryRun: dryRunOf(opts.dryRun ?? []),
  });
  sendJson(ctx.res, 201, success());
}
