import { readFileSync } from 'node:fs';
import type { EventLog } from '@wake/events';
import { Informer } from '@wake/runtime';
import { clusterIPsToHold, DEFAULT_SERVICE_CIDR, type EndpointSlice, type Service } from '@wake/services';
import { ClusterIpInterface } from '../network/cluster-ip-interface';
import { ClusterDnsServer, upstreamsFromResolvConf } from '../dns';
import { ServiceProxy } from '../proxy';

export interface ServiceNetworkOptions {
  /** The node's address: NodePorts and the cluster DNS listen here. */
  readonly nodeAddress: string;
  /** The cluster DNS port on the node address (WAKE_DNS_PORT, default 53; 0 picks a free one). */
  readonly dnsPort: number;
  /** Forward names outside cluster.local to the host's resolvers (default: no upstreams, NXDOMAIN). */
  readonly upstreamResolvConf?: string;
  /** The ClusterIP range; a routable one's addresses are held on a dummy interface (default: the loopback range). */
  readonly serviceCidr?: string;
  readonly log: (message: string) => void;
}

/**
 * The node agent's Service data plane (kube-proxy and cluster DNS): informers on Service and
 * EndpointSlice feed the ServiceProxy (a listener per Service port on its ClusterIP, and on the node
 * address at its NodePort) and the ClusterDnsServer (on the node address).
 *
 * Several agents on one machine: NodePorts are per node address, so every agent binds its own. The
 * ClusterIPs (127.100.0.0/16) are shared by the machine: whichever agent binds a ClusterIP:port first
 * serves it for all; the others report EADDRINUSE and retry every 2 s, so one takes over when it goes.
 */
export class ServiceNetwork {
  readonly proxy: ServiceProxy;
  readonly dns: ClusterDnsServer;
  private readonly services: Informer;
  private readonly slices: Informer;
  private readonly clusterIps: ClusterIpInterface;
  private scheduled = false;
  private stopped = false;

  constructor(log: EventLog, private readonly o: ServiceNetworkOptions) {
    // A ClusterIP another agent holds fails to bind every retry (2 s): say so once per address and error.
    const said = new Set<string>();
    this.proxy = new ServiceProxy({
      nodeAddress: o.nodeAddress,
      onError: (msg, f) => {
        const key = `${f.protocol}|${f.ip}|${f.port}|${f.error}`;
        if (said.has(key)) return;
        said.add(key);
        o.log(`${msg}: ${JSON.stringify(f)}${f.error === 'EADDRINUSE' ? ' (retrying; another agent on this machine may serve it)' : ''}`);
      },
    });
    let upstreams: ReturnType<typeof upstreamsFromResolvConf> = [];
    if (o.upstreamResolvConf) {
      try { upstreams = upstreamsFromResolvConf(readFileSync(o.upstreamResolvConf, 'utf8'), [o.nodeAddress]); } catch { /* none */ }
    }
    this.dns = new ClusterDnsServer({ listen: [{ host: o.nodeAddress, port: o.dnsPort }], upstreams });
    this.clusterIps = new ClusterIpInterface({ serviceCidr: this.serviceCidr, log: o.log });
    this.services = new Informer(log, { kind: 'Service' });
    this.slices = new Informer(log, { kind: 'EndpointSlice' });
    this.services.on(() => this.schedule());
    this.slices.on(() => this.schedule());
  }

  async start(): Promise<void> {
    try {
      await this.dns.start();
      const a = this.dns.addresses()[0];
      this.o.log(`cluster DNS on ${a.host}:${a.port}`);
    } catch (e) {
      // The agent still runs pods and the proxy without it (e.g. port 53 without CAP_NET_BIND_SERVICE).
      this.o.log(`cluster DNS could not listen on ${this.o.nodeAddress}:${this.o.dnsPort}: ${(e as Error).message}`);
    }
    await Promise.all([this.services.start(), this.slices.start()]);
    await this.resync();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([this.services.stop(), this.slices.stop()]);
    await this.proxy.close();
    await this.dns.close().catch(() => undefined);
  }

  /** Coalesces a burst of informer events into one sync. */
  private schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => { this.scheduled = false; void this.resync(); });
  }

  private get serviceCidr(): string {
    return this.o.serviceCidr ?? DEFAULT_SERVICE_CIDR;
  }

  private async resync(): Promise<void> {
    if (this.stopped) return;
    const services = this.services.list() as Service[];
    const slices = this.slices.list() as EndpointSlice[];
    this.dns.update(services, slices);
    // A routable ClusterIP must be a local address before the proxy can bind it.
    await this.clusterIps.sync(clusterIPsToHold(services, this.serviceCidr)).catch((e) => this.o.log(`ClusterIP interface: ${(e as Error).message}`));
    await this.proxy.sync(services, slices).catch((e) => this.o.log(`proxy sync failed: ${(e as Error).message}`));
  }
}
