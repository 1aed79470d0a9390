import { createInbox, type Msg } from 'nats';
import { WakeError } from '@wake/events';
import { EOF_HEADER, ERROR_CODE_HEADER, ERROR_HEADER, logsSubject, type LogRequest } from '@wake/node-api';
import { badRequest, HttpError } from '../http/status';
import { query, type RequestContext } from '../server/context';
import { podTarget } from './pod-target';

const FIRST_CHUNK_WAIT_MS = 1000;
const NO_ANSWER_MS = 10_000;

function intParam(ctx: RequestContext, name: string): number | undefined {
  const v = query(ctx, name);
  if (v === null || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new HttpError(badRequest(`${name}: Invalid value: ${JSON.stringify(v)}: must be a non-negative integer`));
  return n;
}

const flag = (ctx: RequestContext, name: string) => query(ctx, name) === 'true' || query(ctx, name) === '1';

/** The LogRequest for `GET …/pods/<name>/log?…` (kubectl logs' parameters). */
export function logRequestOf(ctx: RequestContext, ref: LogRequest, replyTo: string): LogRequest {
  const sinceTime = query(ctx, 'sinceTime') ?? undefined;
  if (sinceTime !== undefined && Number.isNaN(Date.parse(sinceTime))) throw new HttpError(badRequest(`sinceTime: Invalid value: "${sinceTime}"`));
  return {
    ...ref, replyTo, follow: flag(ctx, 'follow'), timestamps: flag(ctx, 'timestamps'), previous: flag(ctx, 'previous'),
    tailLines: intParam(ctx, 'tailLines'), sinceSeconds: intParam(ctx, 'sinceSeconds'), sinceTime, limitBytes: intParam(ctx, 'limitBytes'),
  };
}

/**
 * `GET …/pods/<name>/log`: asks the pod's node agent over NATS (libs/node-api) and streams the
 * bytes back as they come, headers flushed at once. An agent error before the first byte becomes
 * a Status; a client that goes away cancels a follow.
 */
export async function streamLogs(ctx: RequestContext, namespace: string, name: string): Promise<void> {
  const { nc } = ctx.deps;
  const { node, ref } = await podTarget(ctx.deps, namespace, name, query(ctx, 'container'));
  const replyTo = createInbox();
  const request = logRequestOf(ctx, { ...ref, replyTo }, replyTo);
  const sub = nc.subscribe(replyTo);
  const { res } = ctx;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache, private' });
    res.flushHeaders();
  };
  const cancel = () => { nc.publish(`${replyTo}.cancel`); sub.unsubscribe(); };
  res.on('close', () => { if (!sub.isClosed()) cancel(); });
  nc.publish(logsSubject(node), JSON.stringify(request));
  const startTimer = setTimeout(() => { if (request.follow) start(); }, FIRST_CHUNK_WAIT_MS);
  const silence = setTimeout(() => {
    if (!started) sub.unsubscribe();
  }, NO_ANSWER_MS);
  try {
    let any = false;
    for await (const m of sub) {
      any = true;
      if (m.headers?.get(ERROR_HEADER)) {
        if (!started) throw agentError(m);
        break;
      }
      if (m.headers?.get(EOF_HEADER)) break;
      start();
      res.write(Buffer.from(m.data));
    }
    if (!any && !started) throw new WakeError('Unavailable', `the node agent of node "${node}" did not answer within ${NO_ANSWER_MS / 1000}s`);
    start();
    res.end();
  } finally {
    clearTimeout(startTimer);
    clearTimeout(silence);
    if (!sub.isClosed()) sub.unsubscribe();
  }
}

function agentError(m: Msg): WakeError {
  const code = m.headers?.get(ERROR_CODE_HEADER);
  const message = m.headers?.get(ERROR_HEADER) ?? 'node agent error';
  return new WakeError(code === 'NotFound' ? 'NotFound' : code === 'BadRequest' ? 'BadRequest' : 'Unavailable', message);
}

