import dgram from 'node:dgram';
import { backendKey, type Backend, type Balancer } from '@wake/services';

interface Session {
  readonly backend: Backend;
  readonly socket: dgram.Socket;
  readonly queue: Buffer[];
  connected: boolean;
  timer: NodeJS.Timeout;
}

/**
 * One UDP listener of the proxy: each client address:port is a session with its own socket connected to
 * the backend the balancer picked; replies go back from the listening address. Idle sessions end after
 * `idleMs`; a session whose backend left the balancer is re-picked on its next datagram (kube-proxy
 * clears stale UDP conntrack entries likewise).
 */
export class UdpForwarder {
  private readonly socket = dgram.createSocket({ type: 'udp4' });
  private readonly sessions = new Map<string, Session>();
  datagrams = 0;

  constructor(readonly ip: string, readonly port: number, public balancer: Balancer, private readonly idleMs = 30_000) {
    this.socket.on('message', (msg, rinfo) => this.forward(msg, rinfo));
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      const onError = (e: Error) => reject(e);
      this.socket.once('error', onError);
      this.socket.bind({ address: this.ip, port: this.port, exclusive: true }, () => {
        this.socket.off('error', onError);
        this.socket.on('error', () => undefined);
        resolve();
      });
    });
  }

  close(): Promise<void> {
    for (const key of [...this.sessions.keys()]) this.end(key);
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }

  private forward(msg: Buffer, rinfo: dgram.RemoteInfo): void {
    this.datagrams++;
    const key = `${rinfo.address}:${rinfo.port}`;
    let s = this.sessions.get(key);
    if (s && !this.balancer.list().some((b) => backendKey(b) === backendKey(s!.backend))) { this.end(key); s = undefined; }
    if (!s) {
      const backend = this.balancer.pick(rinfo.address, Date.now());
      if (!backend) return;
      s = this.open(key, backend, rinfo);
    }
    clearTimeout(s.timer);
    s.timer = setTimeout(() => this.end(key), this.idleMs);
    if (s.connected) s.socket.send(msg);
    else s.queue.push(msg);
  }

  private open(key: string, backend: Backend, rinfo: dgram.RemoteInfo): Session {
    const socket = dgram.createSocket({ type: 'udp4' });
    const s: Session = { backend, socket, queue: [], connected: false, timer: setTimeout(() => this.end(key), this.idleMs) };
    this.sessions.set(key, s);
    socket.on('error', () => this.end(key));
    socket.on('message', (reply) => this.socket.send(reply, rinfo.port, rinfo.address));
    socket.connect(backend.port, backend.ip, () => {
      s.connected = true;
      for (const m of s.queue.splice(0)) socket.send(m);
    });
    return s;
  }

  private end(key: string): void {
    const s = this.sessions.get(key);
    if (!s) return;
    this.sessions.delete(key);
    clearTimeout(s.timer);
    try { s.socket.close(); } catch { /* already closed */ }
  }
}
