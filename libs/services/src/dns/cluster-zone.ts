import { isHeadless, serviceKey, type Service } from '../wire';
import { endpointsForPort, readyAddresses, type EndpointSource } from '../proxy/endpoint-source';

export const DEFAULT_CLUSTER_DOMAIN = 'cluster.local';
/** CoreDNS' kubernetes plugin answers with a 5-second TTL. */
export const DEFAULT_TTL = 5;

export type ZoneRecord =
  | { readonly type: 'A'; readonly address: string }
  | { readonly type: 'CNAME'; readonly target: string }
  | { readonly type: 'SRV'; readonly priority: number; readonly weight: number; readonly port: number; readonly target: string };

/** The cluster's names (the Kubernetes DNS specification, as CoreDNS' kubernetes plugin serves it). */
export interface ClusterZone {
  readonly domain: string;
  /** Lower-case names without the trailing dot → their records; names with no records are empty non-terminals. */
  readonly names: ReadonlyMap<string, readonly ZoneRecord[]>;
}

const dashed = (ip: string) => ip.replace(/\./g, '-');

/**
 * Builds the zone from Services and their endpoints:
 * - `<svc>.<ns>.svc.<domain>` A → the ClusterIP; for a headless Service, the ready pod addresses;
 *   CNAME → externalName for an ExternalName Service;
 * - `<hostname>.<svc>.<ns>.svc.<domain>` A for each ready endpoint of a headless Service (its hostname —
 *   a StatefulSet pod's — or its dashed address);
 * - `_<port>._<proto>.<svc>.<ns>.svc.<domain>` SRV for each named port: the Service name and port, or,
 *   headless, each ready endpoint's name and target port.
 */
export function buildClusterZone(services: readonly Service[], endpointsByService: ReadonlyMap<string, readonly EndpointSource[]>, domain = DEFAULT_CLUSTER_DOMAIN): ClusterZone {
  const names = new Map<string, ZoneRecord[]>();
  const zone = domain.toLowerCase().replace(/\.$/, '');
  const add = (name: string, r?: ZoneRecord) => {
    const n = name.toLowerCase();
    for (let parent = n; parent.length > zone.length && parent.endsWith(zone); parent = parent.slice(parent.indexOf('.') + 1)) {
      if (!names.has(parent)) names.set(parent, []);
    }
    if (!names.has(zone)) names.set(zone, []);
    if (r && !names.get(n)!.some((x) => JSON.stringify(x) === JSON.stringify(r))) names.get(n)!.push(r);
  };
  for (const svc of services) {
    if (svc.metadata?.deletionTimestamp) continue;
    const fqdn = `${svc.metadata?.name}.${svc.metadata?.namespace}.svc.${zone}`;
    const sources = endpointsByService.get(serviceKey(svc)) ?? [];
    add(fqdn);
    if (svc.spec?.type === 'ExternalName') {
      if (svc.spec.externalName) add(fqdn, { type: 'CNAME', target: svc.spec.externalName.replace(/\.$/, '') });
      continue;
    }
    if (!isHeadless(svc)) {
      if (svc.spec?.clusterIP) add(fqdn, { type: 'A', address: svc.spec.clusterIP });
      for (const p of svc.spec?.ports ?? []) {
        if (p.name) add(`_${p.name}._${(p.protocol ?? 'TCP').toLowerCase()}.${fqdn}`, { type: 'SRV', priority: 0, weight: 100, port: p.port, target: fqdn });
      }
      continue;
    }
    const hostOf = new Map<string, string>();
    for (const a of readyAddresses(sources)) {
      const host = `${a.hostname ?? dashed(a.ip)}.${fqdn}`;
      hostOf.set(a.ip, host);
      add(fqdn, { type: 'A', address: a.ip });
      add(host, { type: 'A', address: a.ip });
    }
    for (const p of svc.spec?.ports ?? []) {
      if (!p.name) continue;
      const ready = endpointsForPort(sources, p).filter((e) => e.ready && hostOf.has(e.ip));
      const weight = ready.length ? Math.max(1, Math.floor(100 / ready.length)) : 100;
      for (const e of ready) add(`_${p.name}._${(p.protocol ?? 'TCP').toLowerCase()}.${fqdn}`, { type: 'SRV', priority: 0, weight, port: e.port, target: hostOf.get(e.ip)! });
    }
  }
  return { domain: zone, names };
}
