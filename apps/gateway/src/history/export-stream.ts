import type { SliceQuery } from '@wake/history';
import type { RequestContext } from '../server/context';

/**
 * `export?from=&to=[&withState=true]`: the slice in `wake export`'s file format (NDJSON: a header
 * line, with `withState` the objects as they were just before `from`, then one stored event per line), streamed with back-pressure. Headers go out with the first line, so a
 * refusal before it (a `from` past retention: 410) is still a Status.
 */
export async function streamExport(ctx: RequestContext, q: SliceQuery, o: { withState?: boolean } = {}): Promise<void> {
  const { res } = ctx;
  const write = async (line: string) => {
    if (res.destroyed) throw new Error('the client went away');
    if (!res.headersSent) {
      res.writeHead(200, {
        'Content-Type': 'application/x-ndjson', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked',
        'Content-Disposition': `attachment; filename="wake-slice-${q.from}-${q.to}.ndjson"`,
      });
    }
    if (!res.write(line)) await new Promise<void>((resolve) => { res.once('drain', resolve); res.once('close', resolve); });
  };
  try {
    await ctx.deps.history.exportSlice(q, write, o);
  } catch (e) {
    if (res.destroyed) return; // the client left: nothing to answer
    throw e;
  }
  res.end();
}
