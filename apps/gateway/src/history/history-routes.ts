import type { KindInfo, ObjectKey } from '@wake/events';
import { resolveKind, sliceQueryOf, stateDocumentOf, stateQueryOf, timelineDocumentOf, timelineQueryOf, type TimelineEntry } from '@wake/history';
import { sendJson } from '../http/reply';
import { failure, HttpError, methodNotAllowed, notFoundPath } from '../http/status';
import type { RequestContext } from '../server/context';
import { historyApiGroupDocument, historyApiResourceList } from './history-discovery';
import { HistoryParams } from './history-params';
import type { HistoryPath } from './history-path';
import { followTimeline } from './timeline-follow';
import { streamExport } from './export-stream';

/** Serves a path of the history API (parsed by parseHistoryPath). Errors propagate to the dispatcher. */
export async function serveHistory(ctx: RequestContext, path: HistoryPath): Promise<void> {
  const method = ctx.req.method ?? 'GET';
  ctx.verb = 'get';
  if (method !== 'GET') throw new HttpError(methodNotAllowed(method));
  switch (path.type) {
    case 'group': ctx.resource = 'discovery'; return sendJson(ctx.res, 200, historyApiGroupDocument());
    case 'version': ctx.resource = 'discovery'; return sendJson(ctx.res, 200, historyApiResourceList());
    case 'unknown': throw new HttpError(notFoundPath());
    case 'object': {
      ctx.resource = `history/${path.view}`;
      const { info, key } = objectKeyOf(path);
      return path.view === 'revisions' ? revisions(ctx, info, key) : why(ctx, info, key);
    }
    case 'collection':
      ctx.resource = `history/${path.view}`;
      switch (path.view) {
        case 'state': return state(ctx, path.namespace);
        case 'timeline': return timeline(ctx, path.namespace);
        case 'export': return exportSlice(ctx, path.namespace);
      }
  }
}

/** The object a per-object path names; a kind Wake does not know, or a scope that does not fit it, is 404. */
function objectKeyOf(path: { resource: string; namespace?: string; name: string }): { info: KindInfo; key: ObjectKey } {
  const info = resolveKind(path.resource);
  if (!info) throw new HttpError(failure(404, 'NotFound', `the server could not find the requested resource: no kind "${path.resource}"`));
  if (info.namespaced && path.namespace === undefined) {
    throw new HttpError(failure(404, 'NotFound', `${info.plural} are namespaced: ask for namespaces/{namespace}/${info.plural}/${path.name}`));
  }
  if (!info.namespaced && path.namespace !== undefined) {
    throw new HttpError(failure(404, 'NotFound', `${info.plural} are cluster-scoped: ask for ${info.plural}/${path.name} without a namespace`));
  }
  return { info, key: { kind: info.kind, namespace: path.namespace ?? '', name: path.name } };
}

function notRetained(info: KindInfo, key: ObjectKey): HttpError {
  const qualified = info.group ? `${info.plural}.${info.group}` : info.plural;
  return new HttpError(failure(404, 'NotFound', `${qualified} "${key.name}" has no retained events${key.namespace ? ` in namespace "${key.namespace}"` : ''}`,
    { name: key.name, group: info.group, kind: info.plural }));
}

/** GET …/{resource}/{name}/revisions?hideStatus=&hideHeartbeats=&objects= */
async function revisions(ctx: RequestContext, info: KindInfo, key: ObjectKey): Promise<void> {
  const p = new HistoryParams(ctx.url.searchParams);
  const opts = { hideStatus: p.flag('hideStatus'), hideHeartbeats: p.flag('hideHeartbeats'), withObjects: p.flag('objects') };
  const doc = await ctx.deps.history.objectHistory(key, opts);
  if (!doc.revisions.length && !doc.hidden) throw notRetained(info, key);
  sendJson(ctx.res, 200, doc);
}

/** GET …/{resource}/{name}/why */
async function why(ctx: RequestContext, info: KindInfo, key: ObjectKey): Promise<void> {
  const chain = await ctx.deps.history.why(key);
  if (!chain.steps.length) throw notRetained(info, key);
  sendJson(ctx.res, 200, chain);
}

/** GET [namespaces/{ns}/]state?at=<seq|time>[&kind=] */
async function state(ctx: RequestContext, namespace: string | undefined): Promise<void> {
  const p = new HistoryParams(ctx.url.searchParams);
  const selection = stateQueryOf(p.text('kind'), namespace);
  const point = p.point('at');
  sendJson(ctx.res, 200, stateDocumentOf(await ctx.deps.history.stateAt(point, selection)));
}

/** GET [namespaces/{ns}/]timeline?labelSelector=&kind=&owner=&since=&until=&hideStatus=&hideHeartbeats=[&follow=true&timeoutSeconds=] */
async function timeline(ctx: RequestContext, namespace: string | undefined): Promise<void> {
  const p = new HistoryParams(ctx.url.searchParams);
  const q = timelineQueryOf({
    namespace, selector: p.text('labelSelector'), kind: p.text('kind'), owner: p.text('owner'), since: p.text('since'), until: p.text('until'),
    hideStatus: p.flag('hideStatus'), hideHeartbeats: p.flag('hideHeartbeats'),
  }, ctx.deps.now());
  if (p.flag('follow')) {
    ctx.verb = 'watch'; // long-running: counted as a watch, kept out of request latency
    return followTimeline(ctx, q, p.seconds('timeoutSeconds', 1800));
  }
  const left = new AbortController(); // a client that leaves ends the read
  const abort = () => left.abort();
  ctx.res.once('close', abort);
  const items: TimelineEntry[] = [];
  try {
    for await (const t of ctx.deps.history.timeline(q, { signal: left.signal })) items.push(t);
  } finally {
    ctx.res.off('close', abort);
  }
  if (!left.signal.aborted) sendJson(ctx.res, 200, timelineDocumentOf(items));
}

/** GET [namespaces/{ns}/]export?from=&to=[&kind=&labelSelector=&withState=true] */
async function exportSlice(ctx: RequestContext, namespace: string | undefined): Promise<void> {
  const p = new HistoryParams(ctx.url.searchParams);
  const q = sliceQueryOf({ from: p.text('from'), to: p.text('to'), kind: p.text('kind'), namespace, selector: p.text('labelSelector') });
  return streamExport(ctx, q, { withState: p.flag('withState') });
}
