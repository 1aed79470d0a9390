import { toTable } from '@wake/api';
import { apiVersionOf, ExpiredError, type EventWatch, type KindInfo, type KubeObject } from '@wake/events';
import { includeObjectOf, wantsTable } from '../http/negotiate';
import { badRequest, failure, HttpError } from '../http/status';
import { query, type RequestContext } from '../server/context';
import { selectionOf, selects } from '../resources/list-query';
import { consistentSnapshot, typed } from '../resources/read';
import { WatchFilter, type WatchEvent } from './watch-filter';

const DEFAULT_TIMEOUT_S = 1800;

function resourceVersionOf(value: string | null): number | undefined {
  if (value === null || value === '' || value === '0') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new HttpError(badRequest(`invalid resource version: ${value}`));
  return n;
}

/**
 * `?watch=true`: a stream of JSON lines from the log. Headers are flushed at once. Without a
 * resourceVersion (or "0") the current objects come first as ADDED; with one, every change after
 * it. A resourceVersion the log no longer retains is an ERROR event with a 410 Expired Status.
 */
export async function watchObjects(ctx: RequestContext, info: KindInfo, namespace: string | undefined): Promise<void> {
  const { res } = ctx;
  const sel = selectionOf(info.kind, query(ctx, 'labelSelector'), query(ctx, 'fieldSelector'));
  const from = resourceVersionOf(query(ctx, 'resourceVersion'));
  const timeoutS = Number(query(ctx, 'timeoutSeconds') ?? DEFAULT_TIMEOUT_S) || DEFAULT_TIMEOUT_S;
  const bookmarks = query(ctx, 'allowWatchBookmarks') === 'true';
  const table = wantsTable(ctx.req.headers.accept);
  const include = includeObjectOf(query(ctx, 'includeObject'));
  const ns = info.namespaced ? namespace : undefined;

  let initial: KubeObject[] = [];
  let startSeq = from ?? 0;
  if (from === undefined) {
    const snap = await consistentSnapshot(ctx, info, ns);
    initial = snap.objects.filter((o) => selects(sel, info.kind, o));
    startSeq = snap.seq;
  }
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();
  let first = true;
  const write = (e: WatchEvent | { type: 'BOOKMARK' | 'ERROR'; object: unknown }) => {
    let object = e.object;
    if (table && (e.type === 'ADDED' || e.type === 'MODIFIED' || e.type === 'DELETED')) {
      const t = toTable([e.object], info.kind, { now: ctx.deps.now(), includeObject: include });
      object = first ? t : { ...t, columnDefinitions: [] };
      first = false;
    } else if (e.type !== 'BOOKMARK' && e.type !== 'ERROR') {
      object = typed(info, e.object as KubeObject);
    }
    res.write(JSON.stringify({ type: e.type, object }) + '\n');
  };
  for (const o of initial) write({ type: 'ADDED', object: o });

  const nameTerm = sel.fields.terms.find((t) => t.field === 'metadata.name' && t.operator === '=');
  const filter = { kind: info.kind, ...(ns !== undefined ? { namespace: ns } : !info.namespaced ? { namespace: '' } : {}) };
  const narrowed = nameTerm && filter.namespace !== undefined ? { ...filter, name: nameTerm.value } : filter;
  let watch: EventWatch;
  try {
    watch = await ctx.deps.log.watch({ afterSeq: startSeq, filter: narrowed });
  } catch (e) {
    if (e instanceof ExpiredError) {
      write({ type: 'ERROR', object: failure(410, 'Expired', e.message) });
      res.end();
      return;
    }
    throw e;
  }
  let lastSeq = startSeq;
  const filterEvents = new WatchFilter(info.kind, sel, initial);
  const timers: NodeJS.Timeout[] = [];
  const done = new Promise<void>((resolve) => {
    const stop = () => { void watch.close(); resolve(); };
    res.on('close', stop);
    timers.push(setTimeout(stop, timeoutS * 1000));
    if (bookmarks) {
      timers.push(setInterval(() => write({ type: 'BOOKMARK', object: { kind: info.kind, apiVersion: apiVersionOf(info), metadata: { resourceVersion: String(lastSeq) } } }), ctx.deps.config.bookmarkIntervalMs));
    }
  });
  const pump = (async () => {
    for await (const event of watch) {
      lastSeq = event.seq;
      const out = filterEvents.next(event);
      if (out && !res.writableEnded) write(out);
    }
  })();
  await Promise.race([done, pump]);
  for (const t of timers) clearTimeout(t);
  await watch.close();
  if (!res.writableEnded) res.end();
}
