import { ConflictError, kindInfo, type KindInfo, type KubeObject } from '@wake/events';
import {
  budgetsForPod, canIgnoreBudgets, checkAndDecrement, MULTIPLE_BUDGETS_MESSAGE, shouldPinResourceVersion, stillProcessing,
  TOO_MANY_REQUESTS_MESSAGE, unhealthyPodMayGo, type BudgetCheck, type Pod, type PodDisruptionBudget,
} from '@wake/reconcilers';
import { invalidError } from '@wake/store';
import { decodeObjectBody, readBody, requireObject } from '../http/body';
import { sendJson } from '../http/reply';
import { badRequest, failure, HttpError, success } from '../http/status';
import type { RequestContext } from '../server/context';
import { consistentSnapshot, keyFor } from './read';
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
 * deletes the pod gracefully with the Eviction's delete options, unless a PodDisruptionBudget forbids it
 * (the apiserver's EvictionREST.Create, pkg/registry/core/pod/storage/eviction.go; the rules are pure, in
 * @wake/reconcilers disruption/eviction.ts):
 * - a terminal, Pending or already deleting pod is deleted without looking at budgets;
 * - more than one budget selecting the pod: 500; none: deleted;
 * - a pod that is not Ready goes without using the budget under AlwaysAllow, or while the budget is met
 *   (deleted as read: a conflict is a 429, the pod may have turned Ready);
 * - else the budget must allow a disruption (429 TooManyRequests otherwise, which drain retries): its
 *   status takes one (disruptionsAllowed - 1, the pod in disruptedPods) at the resourceVersion read,
 *   re-read and retried on conflict a bounded number of times, and then the pod is deleted.
 * dryRun changes nothing.
 */
export async function evictPod(ctx: RequestContext, info: KindInfo, namespace: string | undefined, name: string): Promise<void> {
  const body = requireObject(decodeObjectBody(await readBody(ctx.req, ctx.deps.config.maxBodyBytes), ctx.req.headers['content-type']));
  const meta = (body.metadata ?? {}) as { name?: string };
  if (meta.name && meta.name !== name) throw new HttpError(badRequest(`name in URL does not match name in Eviction object`));
  const opts = (body.deleteOptions ?? {}) as { gracePeriodSeconds?: number; dryRun?: string[]; preconditions?: { uid?: string; resourceVersion?: string } };
  const query = ctx.url.searchParams.getAll('dryRun');
  if (opts.dryRun?.length && query.length && opts.dryRun.join(',') !== query.join(',')) {
    throw new HttpError(badRequest(`Non-matching dry-run options in request and content: [${query.join(' ')}] and [${opts.dryRun.join(' ')}]`));
  }
  const dryRun = dryRunOf(opts.dryRun?.length ? opts.dryRun : query);
  const key = keyFor(info, namespace, name);
  const userPinned = opts.preconditions?.resourceVersion !== undefined;
  const deletePod = (resourceVersion?: string) => ctx.deps.store.delete(key, {
    actor: ctx.user, gracePeriodSeconds: opts.gracePeriodSeconds, dryRun,
    preconditions: resourceVersion && !userPinned ? { ...opts.preconditions, resourceVersion } : opts.preconditions,
  });

  let pod: KubeObject | undefined;
  for (let attempt = 0; attempt < EVICTION_RETRIES; attempt++) {
    pod = await ctx.deps.store.mustGet(key);
    if (!canIgnoreBudgets(pod as Pod)) break;
    try {
      await deletePod(shouldPinResourceVersion(pod as Pod) ? pod.metadata.resourceVersion : undefined);
      return sendJson(ctx.res, 201, success());
    } catch (e) {
      if (!(e instanceof ConflictError) || userPinned || attempt === EVICTION_RETRIES - 1) throw e;
      pod = undefined;
    }
  }
  if (!pod) throw new HttpError(failure(500, 'InternalError', 'the pod kept changing while it was being evicted'));

  const pdbInfo = kindInfo('PodDisruptionBudget')!;
  const budgets = budgetsForPod(pod as Pod, (await consistentSnapshot(ctx, pdbInfo, pod.metadata.namespace)).objects as PodDisruptionBudget[]);
  if (budgets.length > 1) throw new HttpError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: MULTIPLE_BUDGETS_MESSAGE, code: 500 });
  if (budgets.length === 1) {
    const pdbName = budgets[0].metadata!.name!;
    if (unhealthyPodMayGo(pod as Pod, budgets[0])) {
      try {
        await deletePod(pod.metadata.resourceVersion);
      } catch (e) {
        if (e instanceof ConflictError && !userPinned) throw tooManyRequests(stillProcessing(pdbName));
        throw e;
      }
      return sendJson(ctx.res, 201, success());
    }
    await takeDisruption(ctx, keyFor(pdbInfo, pod.metadata.namespace, pdbName), name, dryRun);
  }
  await deletePod();
  sendJson(ctx.res, 201, success());
}

/** EvictionsRetry is 20 steps of 500 ms upstream; here a few re-reads, without sleeping. */
const EVICTION_RETRIES = 5;

/** `checkAndDecrement` under RetryOnConflict: the budget re-read after a conflict, the write at the version read. */
async function takeDisruption(ctx: RequestContext, pdbKey: ReturnType<typeof keyFor>, podName: string, dryRun: boolean): Promise<void> {
  for (let attempt = 0; attempt < EVICTION_RETRIES; attempt++) {
    const pdb = await ctx.deps.store.mustGet(pdbKey);
    const check = checkAndDecrement(pdb as PodDisruptionBudget, podName, new Date());
    if (check.type === 'tooManyRequests') throw tooManyRequests(check);
    if (check.type === 'forbidden') {
      throw new HttpError(failure(403, 'Forbidden', `poddisruptionbudget.policy "${pdbKey.name}" is forbidden: ${check.message}`, { name: pdbKey.name, group: 'policy', kind: 'poddisruptionbudget' }));
    }
    if (dryRun) return;
    try {
      await ctx.deps.store.update({ ...pdb, status: check.status } as KubeObject, {
        actor: ctx.user, subresource: 'status', detail: { evictedPod: podName },
      });
      return;
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
    }
  }
  throw new HttpError(failure(504, 'Timeout', `Timeout: couldn't update PodDisruptionBudget "${pdbKey.name}" due to conflicts`, { retryAfterSeconds: 10 }));
}

/** `errors.NewTooManyRequests` with the DisruptionBudget cause, as kubectl drain expects it (and retries). */
function tooManyRequests(check: Extract<BudgetCheck, { type: 'tooManyRequests' }>): HttpError {
  return new HttpError(failure(429, 'TooManyRequests', TOO_MANY_REQUESTS_MESSAGE, {
    causes: [{ reason: 'DisruptionBudget', message: check.cause }],
    ...(check.retryAfterSeconds > 0 ? { retryAfterSeconds: check.retryAfterSeconds } : {}),
  }));
}
