import { connect, type Socket } from 'node:net';
import { headers as natsHeaders, type Msg, type NatsConnection, type Subscription } from 'nats';
import type { V1Pod } from '@kubernetes/client-node';
import { EOF_HEADER, ERROR_HEADER, portForwardSubject, type ExecStarted, type PortForwardRequest } from '@wake/node-api';

const MAX_CHUNK = 64 * 1024;
const CONNECT_TIMEOUT_MS = 10_000;
const enc = new TextEncoder();

/**
 * The agent side of `kubectl port-forward` (libs/node-api): on a request to portForwardSubject(node)
 * for a running pod bound here, opens a TCP connection to the pod's address on the port and relays
 * bytes both ways over the session's subjects until either side closes.
 * (The kubelet dials inside the pod's network namespace, so it also reaches ports bound to the
 * pod's 127.0.0.1; Wake dials the pod IP from the node, so a port must listen on the pod's address.)
 */
export class PortForwardResponder {
  private sub?: Subscription;
  private readonly open = new Set<Socket>();

  constructor(private readonly nc: NatsConnection, private readonly nodeName: string, private readonly podByName: (ns: string, name: string) => V1Pod | undefined, private readonly log?: (m: string) => void) {}

  start(): void {
    this.sub = this.nc.subscribe(portForwardSubject(this.nodeName), {
      callback: (err, msg) => {
        if (err) return;
        void this.serve(msg).catch((e: Error) => this.reply(msg, { ok: false, code: 'Internal', message: e.message }));
      },
    });
  }

  async stop(): Promise<void> {
    this.sub?.unsubscribe();
    for (const s of this.open) s.destroy();
  }

  private reply(msg: Msg, r: ExecStarted): void {
    if (msg.reply) msg.respond(enc.encode(JSON.stringify(r)));
  }

  private async serve(msg: Msg): Promise<void> {
    let req: PortForwardRequest;
    try {
      req = JSON.parse(new TextDecoder().decode(msg.data)) as PortForwardRequest;
    } catch {
      return this.reply(msg, { ok: false, code: 'BadRequest', message: 'invalid port-forward request' });
    }
    if (!req.session || !Number.isInteger(req.port) || req.port < 1 || req.port > 65535) {
      return this.reply(msg, { ok: false, code: 'BadRequest', message: `invalid port ${req.port}` });
    }
    const pod = this.podByName(req.namespace, req.pod);
    if (!pod || pod.spec?.nodeName !== this.nodeName || (req.uid && pod.metadata?.uid !== req.uid)) {
      return this.reply(msg, { ok: false, code: 'NotFound', message: `pod "${req.pod}" not found on node "${this.nodeName}"` });
    }
    const ip = pod.status?.podIP;
    if (!ip || pod.status?.phase !== 'Running') {
      return this.reply(msg, { ok: false, code: 'BadRequest', message: `pod ${req.pod} is not running and has no address to forward to` });
    }
    const socket = await dial(ip, req.port).catch((e: Error) => e);
    if (socket instanceof Error) {
      const refused = (socket as NodeJS.ErrnoException).code === 'ECONNREFUSED';
      return this.reply(msg, { ok: false, code: 'Internal', message: `dial tcp ${ip}:${req.port}: ${refused ? 'connect: connection refused' : socket.message}` });
    }
    this.open.add(socket);
    const subs = this.relay(req.session, socket);
    socket.once('close', () => {
      this.open.delete(socket);
      for (const s of subs) s.unsubscribe();
    });
    this.reply(msg, { ok: true });
  }

  /** Gateway → pod on `.up`, pod → gateway on `.down`; EOF half-closes; `.close` drops it. */
  private relay(session: string, socket: Socket): Subscription[] {
    const up = this.nc.subscribe(`${session}.up`, {
      callback: (_e, m) => {
        if (m.headers?.get(EOF_HEADER)) socket.end();
        else if (m.data.length && !socket.writableEnded) socket.write(Buffer.from(m.data));
      },
    });
    const close = this.nc.subscribe(`${session}.close`, { callback: () => socket.destroy() });
    const down = `${session}.down`;
    socket.on('data', (chunk: Buffer) => {
      for (let i = 0; i < chunk.length; i += MAX_CHUNK) this.nc.publish(down, chunk.subarray(i, i + MAX_CHUNK));
    });
    let ended = false;
    const end = (error?: Error) => {
      if (ended) return;
      ended = true;
      const h = natsHeaders();
      if (error) {
        h.set(ERROR_HEADER, error.message);
        this.log?.(`port-forward ${session}: ${error.message}`);
      } else {
        h.set(EOF_HEADER, '1');
      }
      this.nc.publish(down, new Uint8Array(), { headers: h });
    };
    socket.on('end', () => end());
    socket.on('error', (e) => end(e));
    socket.on('close', () => end());
    return [up, close];
  }
}

function dial(host: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ host, port, timeout: CONNECT_TIMEOUT_MS, allowHalfOpen: true });
    s.setNoDelay(true);
    s.once('connect', () => { s.setTimeout(0); s.off('error', reject); resolve(s); });
    s.once('timeout', () => { s.destroy(); reject(new Error('connection timed out')); });
    s.once('error', reject);
  });
}
