import { toTable } from '@wake/api';
import { apiVersionOf, type KindInfo, type KubeObject, type ObjectKey } from '@wake/events';
import { includeObjectOf, wantsTable } from '../http/negotiate';
import { sendJson } from '../http/reply';
import { badRequest, HttpError } from '../http/status';
import { query, type RequestContext } from '../server/context';
import { decodeContinue, encodeContinue, keyOf, paginate, selectionOf, selects, sqlLabelTerms, startKeyOf, type Selection } from './list-query';

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

type Page = { items: KubeObject[]; continue?: string; remainingItemCount?: number };

/** The whole kind (namespace) read, selected and paged in memory. */
async function pageInMemory(ctx: RequestContext, info: KindInfo, namespace: string | undefined, sel: Selection, limit: number): Promise<{ page: Page; seq: number }> {
  const { objects, seq } = await consistentSnapshot(ctx, info, namespace);
  const matching = objects.filter((o) => selects(sel, info.kind, o));
  return { page: paginate(matching, seq, limit, query(ctx, 'continue')), seq };
}

/**
 * One page read by PostgreSQL (keyset on the primary key, the label selector in SQL): the same
 * page, token and remainingItemCount as pageInMemory gives. undefined when the selection cannot
 * be filtered in SQL (field selectors, Gt/Lt).
 */
async function pageInSql(ctx: RequestContext, info: KindInfo, namespace: string | undefined, sel: Selection, limit: number): Promise<{ page: Page; seq: number } | undefined> {
  const labels = sqlLabelTerms(sel);
  if (!labels) return undefined;
  const token = query(ctx, 'continue');
  const after = token ? startKeyOf(decodeContinue(token).start) : undefined;
  const { log, progress, projection, config } = ctx.deps;
  const target = await log.lastSeq();
  await progress.waitFor(target, config.listWaitMs);
  const res = await projection.page({ kind: info.kind, namespace: info.namespaced ? namespace : undefined, after, limit, labels });
  const seq = Math.max(res.seq, target);
  if (res.total <= limit) return { page: { items: res.objects }, seq };
  const items = res.objects;
  return { page: { items, continue: encodeContinue({ rv: seq, start: keyOf(items[items.length - 1]) }), remainingItemCount: res.total - limit }, seq };
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
  const limit = limitOf(query(ctx, 'limit'));
  const { page, seq } = (limit ? await pageInSql(ctx, info, namespace, sel, limit) : undefined) ?? await pageInMemory(ctx, info, namespace, sel, limit);
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
