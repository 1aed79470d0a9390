import { isHeadless, serviceKey, type Service } from '../wire';
import { endpointsForPort, type EndpointSource } from './endpoint-source';

export type ProxyProtocol = 'TCP' | 'UDP';

export interface Backend {
  readonly ip: string;
  readonly port: number;
}

export interface ListenAddress {
  readonly ip: string;
  readonly port: number;
  readonly kind: 'clusterIP' | 'nodePort';
}

/** What the proxy does for one Service port: listen here, forward there. */
export interface ProxyRule {
  /** `namespace/name:port/protocol` — stable while the Service port exists. */
  readonly id: string;
  readonly service: string;
  readonly protocol: ProxyProtocol;
  readonly listen: readonly ListenAddress[];
  readonly backends: readonly Backend[];
  /** sessionAffinity ClientIP: a client sticks to its backend while it keeps coming within the timeout. */
  readonly affinityTimeoutSeconds?: number;
}

export interface ProxyRulesOptions {
  /** The node's address: NodePorts listen here (none when absent). */
  readonly nodeAddress?: string;
}

/** Kubernetes' default ClientIP affinity timeout (3 hours). */
export const DEFAULT_AFFINITY_TIMEOUT_SECONDS = 10800;

/**
 * The proxy's whole program, from Services and their endpoints (kube-proxy's ServicePort/Endpoint
 * maps), pure: for each TCP/UDP port of each Service with a ClusterIP, listen on ClusterIP:port and
 * on nodeAddress:nodePort, and forward to the ready endpoints — or, when none is ready, to those that
 * are still serving while terminating (as kube-proxy does). Sorted, so equal input gives equal rules.
 */
export function proxyRules(services: readonly Service[], endpointsByService: ReadonlyMap<string, readonly EndpointSource[]>, opts: ProxyRulesOptions = {}): ProxyRule[] {
  const rules: ProxyRule[] = [];
  for (const svc of services) {
    const type = svc.spec?.type ?? 'ClusterIP';
    if (type === 'ExternalName' || isHeadless(svc) || svc.metadata?.deletionTimestamp) continue;
    const clusterIP = svc.spec?.clusterIP;
    const key = serviceKey(svc);
    const sources = endpointsByService.get(key) ?? [];
    for (const sp of svc.spec?.ports ?? []) {
      const protocol = sp.protocol ?? 'TCP';
      if (protocol !== 'TCP' && protocol !== 'UDP') continue;
      const listen: ListenAddress[] = [];
      if (clusterIP) listen.push({ ip: clusterIP, port: sp.port, kind: 'clusterIP' });
      if (sp.nodePort && opts.nodeAddress && (type === 'NodePort' || type === 'LoadBalancer')) listen.push({ ip: opts.nodeAddress, port: sp.nodePort, kind: 'nodePort' });
      if (!listen.length) continue;
      const all = endpointsForPort(sources, sp);
      const ready = all.filter((e) => e.ready);
      const chosen = ready.length ? ready : all.filter((e) => e.serving && e.terminating);
      const backends = chosen.map((e) => ({ ip: e.ip, port: e.port })).sort((a, b) => a.ip.localeCompare(b.ip, 'en', { numeric: true }) || a.port - b.port);
      const affinity = svc.spec?.sessionAffinity === 'ClientIP'
        ? { affinityTimeoutSeconds: svc.spec?.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_TIMEOUT_SECONDS }
        : {};
      rules.push({ id: `${key}:${sp.name || sp.port}/${protocol}`, service: key, protocol, listen, backends, ...affinity });
    }
  }
  return rules.sort((a, b) => a.id.localeCompare(b.id));
}
