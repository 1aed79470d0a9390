import {
  Balancer, groupByService, proxyRules, type EndpointSource, type ListenAddress, type ProxyProtocol, type ProxyRule, type Service,
} from '@wake/services';
import { TcpForwarder } from './tcp-forwarder';
import { UdpForwarder } from './udp-forwarder';

export interface ServiceProxyOptions {
  /** The node's address: NodePorts listen here (e.g. 127.0.0.2 on a developer machine). */
  readonly nodeAddress?: string;
  /** Idle time after which a UDP session is forgotten (default 30 s). */
  readonly udpIdleMs?: number;
  /** How often listeners that failed to bind are retried (default 2 s). */
  readonly retryBindMs?: number;
  readonly onError?: (message: string, fields: Record<string, unknown>) => void;
}

export interface ListenerStatus extends ListenAddress {
  readonly protocol: ProxyProtocol;
  readonly rule: string;
  readonly state: 'listening' | 'binding' | 'failed';
  readonly error?: string;
}

type Forwarder = TcpForwarder | UdpForwarder;
interface Listener { rule: string; address: ListenAddress; protocol: ProxyProtocol; forwarder: Forwarder; state: ListenerStatus['state']; error?: string; ready: Promise<void> }

const listenerKey = (protocol: string, a: { ip: string; port: number }) => `${protocol}|${a.ip}|${a.port}`;

/**
 * The Service proxy a node agent runs (kube-proxy's job, in user space). `sync` takes the whole desired
 * state — Services and their EndpointSlices (or Endpoints) — computes the rules (pure, @wake/services
 * `proxyRules`) and converges: backend sets are swapped in place (effective for the next connection at
 * once), new listeners bound, listeners of removed Service ports closed while their established
 * connections drain. Call it from the agent's Service and EndpointSlice informers on every change;
 * overlapping calls coalesce (the latest state wins).
 *
 * Addresses: on a developer machine ClusterIPs (127.100.0.0/16) and node addresses (127.0.0.N) are
 * loopback — Linux routes all of 127/8 to `lo`, so binding needs no interface setup. With a routable
 * range (a real host) the agent's ServiceNetwork first puts each ClusterIP on a dummy interface
 * (ClusterIpInterface: wake0, as kube-proxy's IPVS mode does with kube-ipvs0) and then calls `sync`.
 * Several agents on one machine share the ClusterIPs: the first binds, the others see EADDRINUSE,
 * report the listener as failed and retry, so one takes over if the first goes. Ports below 1024 need
 * root or CAP_NET_BIND_SERVICE.
 */
export class ServiceProxy {
  private readonly balancers = new Map<string, Balancer>();
  private readonly listeners = new Map<string, Listener>();
  private rules: ProxyRule[] = [];
  private running: Promise<void> = Promise.resolve();
  private pending?: { services: readonly Service[]; endpoints: ReadonlyMap<string, readonly EndpointSource[]> };
  private retryTimer?: NodeJS.Timeout;
  private closed = false;
  /** Completed syncs (tests and the benchmark wait on it). */
  generation = 0;

  constructor(private readonly opts: ServiceProxyOptions = {}) {}

  /** Converges on this state; resolves once it (or a later one) is programmed and listeners are bound or failed. */
  sync(services: readonly Service[], endpoints: ReadonlyMap<string, readonly EndpointSource[]> | readonly EndpointSource[]): Promise<void> {
    this.pending = { services, endpoints: Array.isArray(endpoints) ? groupByService(endpoints as EndpointSource[]) : endpoints as ReadonlyMap<string, readonly EndpointSource[]> };
    this.running = this.running.catch(() => undefined).then(() => this.apply());
    return this.running;
  }

  /** The rules in force: what each Service port listens on and forwards to. */
  currentRules(): readonly ProxyRule[] {
    return this.rules;
  }

  status(): ListenerStatus[] {
    return [...this.listeners.values()].map((l) => ({ ...l.address, protocol: l.protocol, rule: l.rule, state: l.state, ...(l.error ? { error: l.error } : {}) }));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    await this.running.catch(() => undefined);
    await Promise.all([...this.listeners.values()].map((l) => this.stop(l, false)));
    this.listeners.clear();
  }

  private async apply(): Promise<void> {
    const state = this.pending;
    if (!state || this.closed) return;
    this.pending = undefined;
    const rules = proxyRules(state.services, state.endpoints, { nodeAddress: this.opts.nodeAddress });
    const wanted = new Map<string, { rule: ProxyRule; address: ListenAddress }>();
    for (const rule of rules) {
      const b = this.balancers.get(rule.id) ?? new Balancer();
      b.setBackends(rule.backends, rule.affinityTimeoutSeconds ? rule.affinityTimeoutSeconds * 1000 : undefined);
      this.balancers.set(rule.id, b);
      for (const address of rule.listen) wanted.set(listenerKey(rule.protocol, address), { rule, address });
    }
    this.rules = rules;
    const ids = new Set(rules.map((r) => r.id));
    for (const id of [...this.balancers.keys()]) if (!ids.has(id)) this.balancers.delete(id);
    const work: Promise<void>[] = [];
    for (const [key, l] of [...this.listeners]) {
      const w = wanted.get(key);
      if (!w) { this.listeners.delete(key); work.push(this.stop(l, true)); continue; }
      l.rule = w.rule.id;
      l.forwarder.balancer = this.balancers.get(w.rule.id)!;
      if (l.state === 'failed') work.push(this.bind(l));
    }
    for (const [key, w] of wanted) {
      if (this.listeners.has(key)) continue;
      const l = this.create(w.rule, w.address);
      this.listeners.set(key, l);
      work.push(this.bind(l));
    }
    await Promise.all(work);
    this.generation++;
    this.scheduleRetry();
  }

  private create(rule: ProxyRule, address: ListenAddress): Listener {
    const balancer = this.balancers.get(rule.id)!;
    const forwarder = rule.protocol === 'TCP'
      ? new TcpForwarder(address.ip, address.port, balancer)
      : new UdpForwarder(address.ip, address.port, balancer, this.opts.udpIdleMs);
    return { rule: rule.id, address, protocol: rule.protocol, forwarder, state: 'binding', ready: Promise.resolve() };
  }

  private async bind(l: Listener): Promise<void> {
    if (l.state === 'failed') {
      await l.forwarder.close().catch(() => undefined);
      l.forwarder = l.protocol === 'TCP'
      ? new TcpForwarder(l.address.ip, l.address.port, l.forwarder.balancer)
        : new UdpForwarder(l.address.ip, l.address.port, l.forwarder.balancer, this.opts.udpIdleMs);
    }
    l.state = 'binding';
    try {
      await l.forwarder.listen();
      l.state = 'listening';
      delete l.error;
    } catch (e) {
      l.state = 'failed';
      l.error = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      this.opts.onError?.('proxy listener failed to bind', { ...l.address, protocol: l.protocol, rule: l.rule, error: l.error });
    }
  }

  private async stop(l: Listener, drain: boolean): Promise<void> {
    if (l.state !== 'listening') return;
    l.state = 'failed';
    await (l.forwarder instanceof TcpForwarder ? l.forwarder.close(drain) : l.forwarder.close());
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    if (this.closed || ![...this.listeners.values()].some((l) => l.state === 'failed')) return;
    this.retryTimer = setTimeout(() => {
      this.running = this.running.catch(() => undefined).then(async () => {
        await Promise.all([...this.listeners.values()].filter((l) => l.state === 'failed').map((l) => this.bind(l)));
        this.scheduleRetry();
      });
    }, this.opts.retryBindMs ?? 2000);
    this.retryTimer.unref();
  }
}
