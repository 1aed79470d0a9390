import { toTable } from '@wake/api';
import { apiVersionOf, type KindInfo, type KubeObject, type ObjectKey } from '@wake/events';
import { includeObjectOf, wantsTable } from '../http/negotiate';
import { sendJson } from '../http/reply';
import { badRequest, HttpError } from '../http/status';
import { query, type RequestContext } from '../server/context';
import { paginate, selectionOf, selects } from './list-query';

export const keyFor = (info: KindInfo, namespace: string | undefined, name: string): ObjectKey =>
  ({ kind: info.kind, namespace: info.namespaced ? namespace ?? '' : '', name });

/** Objects as clients see them: with apiVersion and kind. */
export const typed = (info: KindInfo, o: KubeObject): KubeObject => ({ ...o, apiVersion: o.apiVersion ?? apiVersionOf(info), kind: o.kind ?? info.kind });

/** GET of one object, read from the log (never stale); a one-row Table when asked. */
export async function getObject(ctx: RequestContext, info: KindInfo, namespace: string | undefined, name: string): Promise<void> {
  const obj = await ctx.deps.store.mustGet(keyFor(info, namespace, name));
  respondObject(ctx, info, obj, 200);
}

export function respondObject(ctx: RequestContext, info: KindInfo, obj: KubeObject, code: number): void {
  if (wantsTable(ctx.req.headers.accept)) {
    sendJson(ctx.res, code, toTable([obj], info.kind, { now: ctx.deps.now(), includeObject: includeObjectOf(query(ctx, 'includeObject')) }));
  } else {
    sendJson(ctx.res, code, typed(info, obj));
  }
}

/**
 * Live objects of a kind (in a namespace) from the projection, once it has reached the log's
 * end as of the request's start (read your writes), with the sequence they are consistent at.
 */
export async function consistentSnapshot(ctx: RequestContext, info: KindInfo, namespace: string | undefined): Promise<{ objects: KubeObject[]; seq: number }> {
  const { log, progress, projection, config } = ctx.deps;
  const target = await log.lastSeq();
  await progress.waitFor(target, config.listWaitMs);
  const snap = await projection.snapshot(info.kind, info.namespaced ? namespace : undefined);
  return { objects: snap.objects, seq: Math.max(snap.seq, target) };
}

export function limitOf(value: string | null): number {
  if (value === null || value === '') return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new HttpError(badRequest(`invalid limit: ${value}`));
  return n;
}

/** LIST: selectors, limit/continue, resourceVersion = the sequence the list is consistent at. */
export async function listObjects(ctx: RequestContext, info: KindInfo, namespace: string | undefined): Promise<void> {
  const sel = selectionOf(info.kind, query(ctx, 'labelSelector'), query(ctx, 'fieldSelector'));
  const { objects, seq } = await consistentSnapshot(ctx, info, namespace);
  const matching = objects.filter((o) => selects(sel, info.kind, o));
  const page = paginate(matching, seq, limitOf(query(ctx, 'limit')), query(ctx, 'continue'));
  const metadata = {
    resourceVersion: String(seq),
    ...(page.continue ? { continue: page.continue, remainingItemCount: page.remainingItemCount } : {}),
  };
  if (wantsTable(ctx.req.headers.accept)) {
    sendJson(ctx.res, 200, toTable(page.items, info.kind, { now: ctx.deps.now(), includeObject: includeObjectOf(query(ctx, 'includeObject')), listMeta: metadata }));
    return;
  }
  sendJson(ctx.res, 200, { kind: `${info.kind}List`, apiVersion: apiVersionOf(info), metadata, items: page.items.map((o) => typed(info, o)) });
}
