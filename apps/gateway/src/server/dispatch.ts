import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { actorString } from '@wake/store';
import type { TokenAuthenticator } from '../auth/authenticate';
import { sendStatus } from '../http/reply';
import { failure, statusFor, unauthorized, type Target } from '../http/status';
import { logRequest } from '../observability/request-logger';
import type { GatewayMetrics } from '../observability/metrics';
import { parseApiPath } from '../routing/parse-path';
import { handleExecUpgrade } from '../nodes/exec';
import { handlePortForwardUpgrade } from '../nodes/port-forward';
import type { GatewayDeps, RequestContext } from './context';
import { route } from './router';

const PUBLIC = new Set(['/livez', '/readyz', '/healthz', '/version']);

export interface Dispatcher {
  handle(req: IncomingMessage, res: ServerResponse): void;
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
}

/** Authentication, health, metrics, routing, error mapping, request logs: the HTTP edge. */
export function createDispatcher(deps: GatewayDeps, auth: TokenAuthenticator, metrics: GatewayMetrics, logger: Logger, ready: () => boolean): Dispatcher {
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const started = process.hrtime.bigint();
    const url = new URL(req.url ?? '/', 'https://gateway');
    const user = auth.authenticate(req.headers.authorization);
    const ctx: RequestContext = { req, res, url, user: user ?? { type: 'user', name: 'system:anonymous' }, deps, verb: (req.method ?? 'GET').toLowerCase(), resource: '' };
    res.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.observe(ctx.verb, ctx.resource, res.statusCode, seconds);
      logRequest(logger, {
        method: req.method ?? '', path: url.pathname + url.search, verb: ctx.verb, resource: ctx.resource,
        user: user ? actorString(user) : 'system:anonymous', status: res.statusCode, latencyMs: seconds * 1000,
        userAgent: req.headers['user-agent'],
      });
    });
    try {
      if (url.pathname === '/livez' || url.pathname === '/healthz') return sendPlain(res, 200, 'ok');
      if (url.pathname === '/readyz') return ready() ? sendPlain(res, 200, 'ok') : sendPlain(res, 503, 'not ready');
      if (!user && !PUBLIC.has(url.pathname)) return sendStatus(res, unauthorized());
      if (url.pathname === '/metrics') {
        const body = await metrics.registry.metrics();
        res.writeHead(200, { 'Content-Type': metrics.registry.contentType });
        return void res.end(body);
      }
      const done = await trackLongRunning(ctx, metrics, () => route(ctx));
      return done;
    } catch (e) {
      const status = statusFor(e, targetOf(url.pathname));
      if (status.code >= 500) logger.error({ err: e }, 'request failed');
      if (!res.headersSent) sendStatus(res, status);
      else res.end();
    }
  };
  const upgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'https://gateway');
    const refuse = (code: number, reason: string, message: string) => {
      const body = JSON.stringify(failure(code, reason, message));
      socket.end(`HTTP/1.1 ${code} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    };
    const user = auth.authenticate(req.headers.authorization);
    if (!user) return refuse(401, 'Unauthorized', 'Unauthorized');
    const api = parseApiPath(url.pathname);
    const subresource = api.type === 'resource' && api.info.kind === 'Pod' && api.name && api.namespace ? api.subresource : undefined;
    if (api.type !== 'resource' || !api.name || !api.namespace || (subresource !== 'exec' && subresource !== 'attach' && subresource !== 'portforward')) {
      return refuse(400, 'BadRequest', `upgrades are served for pods/exec, pods/attach and pods/portforward only (${url.pathname})`);
    }
    // The Node authorizer gives nodes no pods/exec, pods/attach or pods/portforward (they are for people).
    if (user.type === 'node') {
      return refuse(403, 'Forbidden', `pods "${api.name}" is forbidden: User "${actorString(user)}" cannot create resource "pods/${subresource}" in API group "" in the namespace "${api.namespace}"`);
    }
    const started = Date.now();
    try {
      if (subresource === 'exec' || subresource === 'attach') await handleExecUpgrade(deps, req, socket, head, url, api.namespace, api.name, user, subresource);
      else await handlePortForwardUpgrade(deps, req, socket, head, api.namespace, api.name);
      metrics.observe('create', `pods/${subresource}`, 101, (Date.now() - started) / 1000);
    } catch (e) {
      const s = statusFor(e);
      refuse(s.code === 500 ? 400 : s.code, s.reason ?? 'BadRequest', s.message ?? String(e));
    }
  };
  return {
    handle: (req, res) => void handle(req, res),
    upgrade: (req, socket, head) => void upgrade(req, socket, head),
  };
}

/** Counts open watches and log streams in apiserver_longrunning_requests while they run. */
async function trackLongRunning(ctx: RequestContext, metrics: GatewayMetrics, run: () => Promise<void>): Promise<void> {
  const flag = (name: string) => ctx.url.searchParams.get(name) === 'true' || ctx.url.searchParams.get(name) === '1';
  const longRunning = flag('watch') || ctx.url.pathname.endsWith('/log') || (flag('follow') && ctx.url.pathname.endsWith('/timeline'));
  if (!longRunning) return run();
  const labels = () => ({ verb: ctx.verb, resource: ctx.resource });
  let counted: { verb: string; resource: string } | undefined;
  const timer = setImmediate(() => { counted = labels(); metrics.longRunning.inc(counted); });
  try {
    await run();
  } finally {
    clearImmediate(timer);
    if (counted) metrics.longRunning.dec(counted);
  }
}

/** What a failed request was about, for the Status details (nothing when the path does not parse). */
function targetOf(pathname: string): Target {
  try {
    const api = parseApiPath(pathname);
    return api.type === 'resource' ? { info: api.info, name: api.name } : {};
  } catch {
    return {};
  }
}

function sendPlain(res: ServerResponse, code: number, text: string): void {
  res.writeHead(code, { 'Content-Type': 'text/plain' });
  res.end(text);
}

