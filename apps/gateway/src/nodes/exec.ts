import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { createInbox, headers as natsHeaders, type Subscription } from 'nats';
import { WebSocketServer, type WebSocket } from 'ws';
import { execSubject, EOF_HEADER, type ExecExit, type ExecRequest, type ExecStarted } from '@wake/node-api';
import type { GatewayDeps } from '../server/context';
import type { Actor } from '@wake/store';
import {
  chooseProtocol, CLOSE, ERROR, errorStatus, exitStatus, frame, parseFrame, parseResize, RESIZE, STDERR, STDIN, STDOUT,
} from './exec-channels';
import { podTarget } from './pod-target';

const wss = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => chooseProtocol([...protocols].join(',')) ?? false });
const bool = (q: URLSearchParams, k: string) => q.get(k) === 'true' || q.get(k) === '1';

/**
 * `GET …/pods/<name>/exec` (and `…/attach`) with a WebSocket upgrade (kubectl 1.32's default): the channel
 * protocol on the client side, libs/node-api's exec protocol over NATS on the agent side.
 * Returns false when the request is not for us (the caller answers 400/404).
 */
export async function handleExecUpgrade(
  deps: GatewayDeps, req: IncomingMessage, socket: Duplex, head: Buffer, url: URL, namespace: string, name: string, _user: Actor,
  mode: 'exec' | 'attach' = 'exec',
): Promise<void> {
  const protocol = chooseProtocol(req.headers['sec-websocket-protocol'] as string | undefined);
  if (!protocol) throw new Error('no supported channel protocol offered (want v5.channel.k8s.io or v4.channel.k8s.io)');
  const q = url.searchParams;
  const attach = mode === 'attach';
  const command = attach ? [] : q.getAll('command');
  if (!attach && !command.length) throw new Error('you must specify at least 1 command');
  const { node, ref } = await podTarget(deps, namespace, name, q.get('container'));
  const ws = await new Promise<WebSocket>((resolve) => wss.handleUpgrade(req, socket, head, resolve));
  const { nc } = deps;
  const session = createInbox();
  const subs: Subscription[] = [];
  const finish = (status: Record<string, unknown>) => {
    for (const s of subs) s.unsubscribe();
    if (ws.readyState === ws.OPEN) {
      ws.send(frame(ERROR, JSON.stringify(status)));
      ws.close(1000);
    }
  };
  const forward = (subject: string, channel: number) => {
    subs.push(nc.subscribe(`${session}.${subject}`, { callback: (_e, m) => { if (ws.readyState === ws.OPEN) ws.send(frame(channel, m.data)); } }));
  };
  forward('stdout', STDOUT);
  forward('stderr', STDERR);
  subs.push(nc.subscribe(`${session}.exit`, {
    callback: (_e, m) => {
      const exit = JSON.parse(m.string()) as ExecExit;
      // Attach reports how the stream ended, not the process's exit code (the kubelet's ServeAttach does the same).
      finish(attach ? exitStatus(0) : exitStatus(exit.exitCode, exit.message));
    },
  }));
  // Client frames wait until the agent has accepted the session (it subscribes to stdin then).
  let pending: Buffer[] | undefined = [];
  const onFrame = (data: Buffer) => {
    const f = parseFrame(data);
    if (!f) return;
    if (f.channel === STDIN) nc.publish(`${session}.stdin`, f.payload);
    else if (f.channel === RESIZE) { const size = parseResize(f.payload); if (size) nc.publish(`${session}.resize`, JSON.stringify(size)); }
    else if (f.channel === CLOSE && f.payload[0] === STDIN) {
      const h = natsHeaders();
      h.set(EOF_HEADER, '1');
      nc.publish(`${session}.stdin`, new Uint8Array(), { headers: h });
    }
  };
  ws.on('message', (data: Buffer) => {
    const buf = Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
    if (pending) pending.push(buf);
    else onFrame(buf);
  });
  ws.on('close', () => { for (const s of subs) s.unsubscribe(); });
  await nc.flush();
  const request: ExecRequest = {
    ...ref, session, command, attach, stdin: bool(q, 'stdin'), stdout: bool(q, 'stdout') || !q.has('stdout'), stderr: bool(q, 'stderr'), tty: bool(q, 'tty'),
  };
  try {
    const reply = await nc.request(execSubject(node), JSON.stringify(request), { timeout: 10_000 });
    const started = JSON.parse(reply.string()) as ExecStarted;
    if (!started.ok) return finish(errorStatus(started.message));
    const queued = pending ?? [];
    pending = undefined;
    for (const f of queued) onFrame(f);
  } catch (e) {
    finish(errorStatus(`the node agent of node "${node}" did not start the command: ${(e as Error).message}`));
  }
}
