import net from 'node:net';
import { backendKey, type Balancer } from '@wake/services';

const MAX_CONNECT_TRIES = 3;

/**
 * One TCP listener of the proxy (ClusterIP:port or nodeAddress:NodePort): each accepted connection goes
 * to the backend the balancer picks, bytes piped both ways (half-close kept). A backend that refuses is
 * skipped for that connection (up to 3 tries); with no backend the client gets a reset, as kube-proxy's
 * REJECT rule answers. Closing the listener leaves established connections to finish (draining).
 */
export class TcpForwarder {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  connections = 0;

  constructor(readonly ip: string, readonly port: number, public balancer: Balancer) {
    this.server = net.createServer({ allowHalfOpen: true, pauseOnConnect: true }, (client) => this.accept(client));
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      const onError = (e: Error) => reject(e);
      this.server.once('error', onError);
      this.server.listen({ host: this.ip, port: this.port, exclusive: true }, () => {
        this.server.off('error', onError);
        this.server.on('error', () => undefined);
        resolve();
      });
    });
  }

  /** Stops accepting; `drain` false also cuts the connections in flight. */
  close(drain = true): Promise<void> {
    if (!drain) for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private track(s: net.Socket): void {
    this.sockets.add(s);
    s.once('close', () => this.sockets.delete(s));
  }

  private accept(client: net.Socket): void {
    this.connections++;
    this.track(client);
    client.on('error', () => undefined);
    const clientIP = client.remoteAddress ?? '';
    const failed = new Set<string>();
    const attempt = () => {
      const backend = this.balancer.pick(clientIP, Date.now(), failed);
      if (!backend || failed.size >= MAX_CONNECT_TRIES) { client.resetAndDestroy(); return; }
      const upstream = net.connect({ host: backend.ip, port: backend.port, allowHalfOpen: true, noDelay: true });
      this.track(upstream);
      let connected = false;
      upstream.on('error', () => {
        if (connected) { client.destroy(); return; }
        failed.add(backendKey(backend));
        upstream.destroy();
        attempt();
      });
      upstream.once('connect', () => {
        connected = true;
        if (client.destroyed) { upstream.destroy(); return; }
        client.setNoDelay(true);
        client.pipe(upstream);
        upstream.pipe(client);
        client.once('close', () => upstream.destroy());
        upstream.once('close', () => client.destroy());
        client.resume();
      });
    };
    attempt();
  }
}
