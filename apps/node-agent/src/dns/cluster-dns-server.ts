import dgram from 'node:dgram';
import net from 'node:net';
import { buildClusterZone, DEFAULT_CLUSTER_DOMAIN, groupByService, type ClusterZone, type EndpointSource, type Service } from '@wake/services';
import { answerQuery, errorResponse, NXDOMAIN } from './dns-answer';
import { forwardQuery, type Upstream } from './dns-forwarder';

export interface ClusterDnsOptions {
  /** Where to listen, UDP and TCP: the node address on port 53 in production; tests pass a free port. */
  readonly listen: ReadonlyArray<{ host: string; port: number }>;
  readonly clusterDomain?: string;
  readonly ttl?: number;
  /** Resolvers for names outside the cluster domain; none → NXDOMAIN (never set in tests). */
  readonly upstreams?: readonly Upstream[];
}

const TCP_IDLE_MS = 10_000;

/**
 * The cluster DNS a node agent serves (what CoreDNS' kubernetes plugin does): `update` rebuilds the
 * zone from Services and their EndpointSlices/Endpoints (pure, @wake/services `buildClusterZone`);
 * queries are answered from it over UDP and TCP (length-prefixed, several per connection).
 * Pods get `nameserver <node DNS address>` through `podResolvConf`.
 */
export class ClusterDnsServer {
  private zone: ClusterZone;
  private readonly udp: dgram.Socket[] = [];
  private readonly tcp: net.Server[] = [];
  private readonly conns = new Set<net.Socket>();
  queries = 0;

  constructor(private readonly opts: ClusterDnsOptions) {
    this.zone = buildClusterZone([], new Map(), opts.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN);
  }

  update(services: readonly Service[], endpoints: ReadonlyMap<string, readonly EndpointSource[]> | readonly EndpointSource[]): void {
    const byService = Array.isArray(endpoints) ? groupByService(endpoints as EndpointSource[]) : endpoints as ReadonlyMap<string, readonly EndpointSource[]>;
    this.zone = buildClusterZone(services, byService, this.opts.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN);
  }

  async start(): Promise<void> {
    for (const { host, port } of this.opts.listen) {
      const tcp = net.createServer((c) => this.serveTcp(c));
      await new Promise<void>((resolve, reject) => { tcp.once('error', reject); tcp.listen({ host, port, exclusive: true }, () => { tcp.off('error', reject); resolve(); }); });
      this.tcp.push(tcp);
      const boundPort = (tcp.address() as net.AddressInfo).port;
      const udp = dgram.createSocket('udp4');
      udp.on('message', (msg, rinfo) => { void this.respond(msg, 'udp').then((r) => r && udp.send(r, rinfo.port, rinfo.address)); });
      await new Promise<void>((resolve, reject) => { udp.once('error', reject); udp.bind({ address: host, port: boundPort, exclusive: true }, () => { udp.off('error', reject); resolve(); }); });
      udp.on('error', () => undefined);
      this.udp.push(udp);
    }
  }

  /** The addresses actually bound (the port chosen when 0 was asked for). */
  addresses(): Array<{ host: string; port: number }> {
    return this.tcp.map((s) => { const a = s.address() as net.AddressInfo; return { host: a.address, port: a.port }; });
  }

  async close(): Promise<void> {
    for (const c of this.conns) c.destroy();
    await Promise.all([
      ...this.udp.map((s) => new Promise<void>((r) => s.close(() => r()))),
      ...this.tcp.map((s) => new Promise<void>((r) => s.close(() => r()))),
    ]);
  }

  private async respond(msg: Buffer, transport: 'udp' | 'tcp'): Promise<Buffer | undefined> {
    this.queries++;
    const out = answerQuery(msg, this.zone, transport, this.opts.ttl);
    if (out.type === 'answer') return out.response;
    const forwarded = await forwardQuery(out.query, this.opts.upstreams ?? []);
    return forwarded ?? errorResponse(msg, this.opts.upstreams?.length ? 2 : NXDOMAIN);
  }

  private serveTcp(c: net.Socket): void {
    this.conns.add(c);
    c.setTimeout(TCP_IDLE_MS, () => c.destroy());
    c.on('error', () => undefined);
    c.once('close', () => this.conns.delete(c));
    let buf = Buffer.alloc(0);
    c.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      while (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) {
        const len = buf.readUInt16BE(0);
        const msg = buf.subarray(2, 2 + len);
        buf = buf.subarray(2 + len);
        void this.respond(Buffer.from(msg), 'tcp').then((r) => {
          if (!r || c.destroyed) return;
          const framed = Buffer.alloc(2 + r.length);
          framed.writeUInt16BE(r.length, 0);
          r.copy(framed, 2);
          c.write(framed);
        });
      }
    });
  }
}

