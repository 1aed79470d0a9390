import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { createInbox, headers as natsHeaders, type NatsConnection, type Subscription } from 'nats';
import { WebSocketServer, type WebSocket } from 'ws';
import { WakeError } from '@wake/events';
import { EOF_HEADER, ERROR_HEADER, portForwardSubject, type ExecStarted, type PortForwardRequest } from '@wake/node-api';
import type { GatewayDeps } from '../server/context';
import { SpdyServerSession, type ByteTransport, type SpdyStream } from './spdy/spdy-session';
import { pairStreams, type StreamPair } from './port-forward-streams';

/** kubectl 1.32 tunnels SPDY in a WebSocket with this subprotocol; older clients upgrade to SPDY itself. */
export const PORT_FORWARD_WEBSOCKET_PROTOCOL = 'SPDY/3.1+portforward.k8s.io';
const PORT_FORWARD_PROTOCOL = 'portforward.k8s.io';

const wss = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => (protocols.has(PORT_FORWARD_WEBSOCKET_PROTOCOL) ? PORT_FORWARD_WEBSOCKET_PROTOCOL : false) });

/** Is this upgrade request a port-forward one we can serve (WebSocket tunnel or SPDY)? */
export function portForwardUpgradeKind(req: IncomingMessage): 'websocket' | 'spdy' | undefined {
  const upgrade = String(req.headers.upgrade ?? '').toLowerCase();
  if (upgrade === 'websocket') return String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim()).includes(PORT_FORWARD_WEBSOCKET_PROTOCOL) ? 'websocket' : undefined;
  if (upgrade === 'spdy/3.1') return String(req.headers['x-stream-protocol-version'] ?? '').split(',').map((p) => p.trim()).includes(PORT_FORWARD_PROTOCOL) ? 'spdy' : undefined;
  return undefined;
}

/**
 * `…/pods/<name>/portforward` (kubectl port-forward): a SPDY connection from the client — tunnelled
 * in a WebSocket (kubectl 1.32's default) or on the upgraded socket — where every forwarded
 * connection is a pair of streams (`streamType: error|data`, `port`, `requestID`); each pair
 * becomes one TCP connection the pod's node agent opens to the pod (libs/node-api, over NATS).
 */
export async function handlePortForwardUpgrade(deps: GatewayDeps, req: IncomingMessage, socket: Duplex, head: Buffer, namespace: string, name: string): Promise<void> {
  const kind = portForwardUpgradeKind(req);
  if (!kind) throw new WakeError('BadRequest', `port-forward needs a WebSocket upgrade with subprotocol ${PORT_FORWARD_WEBSOCKET_PROTOCOL} or a SPDY/3.1 upgrade with X-Stream-Protocol-Version: ${PORT_FORWARD_PROTOCOL}`);
  const pod = await deps.store.mustGet({ kind: 'Pod', namespace, name });
  const node = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
  if (!node) throw new WakeError('BadRequest', `pod ${name} does not have a host assigned`);
  const target = { namespace, pod: name, uid: pod.metadata.uid ?? '', node };
  const transport = kind === 'websocket'
    ? websocketTransport(await new Promise<WebSocket>((resolve) => wss.handleUpgrade(req, socket, head, resolve)))
    : spdyUpgradeTransport(socket, head);
  // The forwarded connections still open, each with its drop(); the session lives as long as the transport.
  const open = new Set<() => void>();
  new SpdyServerSession(transport, pairStreams((pair) => {
    let done = false;
    let drop: (() => void) | undefined;
    drop = forward(deps.nc, target, pair, () => { done = true; if (drop) open.delete(drop); });
    if (!done) open.add(drop);
  }));
  transport.onClose(() => { for (const drop of [...open]) drop(); });
}

/** One forwarded connection: ask the agent to connect, then relay; errors go on the error stream as text. */
function forward(nc: NatsConnection, target: { namespace: string; pod: string; uid: string; node: string }, pair: StreamPair, onDone: () => void): () => void {
  const { data, error, port } = pair;
  const session = createInbox();
  const subs: Subscription[] = [];
  let done = false;
  const finish = (message?: string) => {
    if (done) return;
    done = true;
    for (const s of subs) s.unsubscribe();
    if (message) error.write(Buffer.from(message));
    error.end();
    data.end();
    nc.publish(`${session}.close`);
    onDone();
  };
  if (port === undefined) {
    finish(`invalid port: the "port" header of stream ${data.id} must be a number between 1 and 65535`);
    return () => finish();
  }
  // Bytes from the client wait until the agent has connected (it listens on .up from then).
  let pending: Buffer[] | undefined = [];
  let clientEnded = false;
  const sendUp = (d: Buffer) => nc.publish(`${session}.up`, d);
  const sendEof = () => { const h = natsHeaders(); h.set(EOF_HEADER, '1'); nc.publish(`${session}.up`, new Uint8Array(), { headers: h }); };
  data.onData((d) => (pending ? pending.push(d) : sendUp(d)));
  data.onEnd(() => { clientEnded = true; if (!pending) sendEof(); });
  subs.push(nc.subscribe(`${session}.down`, {
    callback: (_e, m) => {
      const failed = m.headers?.get(ERROR_HEADER);
      if (failed) return finish(`an error occurred forwarding ${port} -> ${port}: ${failed}`);
      if (m.headers?.get(EOF_HEADER)) return finish();
      data.write(Buffer.from(m.data));
    },
  }));
  const request: PortForwardRequest = { namespace: target.namespace, pod: target.pod, uid: target.uid, session, port };
  void (async () => {
    await nc.flush();
    const reply = await nc.request(portForwardSubject(target.node), JSON.stringify(request), { timeout: 15_000 });
    const started = JSON.parse(reply.string()) as ExecStarted;
    if (!started.ok) return finish(`error forwarding port ${port} to pod ${target.pod}, uid ${target.uid}: ${started.message}`);
    const queued = pending ?? [];
    pending = undefined;
    for (const d of queued) sendUp(d);
    if (clientEnded) sendEof();
  })().catch((e: Error) => finish(`error forwarding port ${port} to pod ${target.pod}, uid ${target.uid}: the node agent of node "${target.node}" did not answer (${e.message})`));
  return () => finish();
}

function websocketTransport(ws: WebSocket): ByteTransport {
  return {
    write: (d) => { if (ws.readyState === ws.OPEN) ws.send(d, { binary: true }); },
    onData: (l) => ws.on('message', (d: Buffer | ArrayBuffer | Buffer[]) => l(Buffer.isBuffer(d) ? d : Array.isArray(d) ? Buffer.concat(d) : Buffer.from(d))),
    onClose: (l) => { ws.once('close', l); ws.once('error', l); },
    close: () => ws.close(1000),
  };
}

/** The fallback: `101 Switching Protocols` to SPDY/3.1, then frames on the socket itself. */
function spdyUpgradeTransport(socket: Duplex, head: Buffer): ByteTransport {
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: ${PORT_FORWARD_PROTOCOL}\r\n\r\n`);
  return {
    write: (d) => { if (!socket.destroyed) socket.write(d); },
    onData: (l) => { if (head.length) queueMicrotask(() => l(head)); socket.on('data', l); },
    onClose: (l) => { socket.once('close', l); socket.once('error', l); },
    close: () => socket.end(),
  };
}
