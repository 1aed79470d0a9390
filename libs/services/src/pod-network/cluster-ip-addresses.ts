import { cidrContains, isLoopback, parseCidr, parseIPv4 } from '../net/ipv4';
import type { Service } from '../wire';

/**
 * The ClusterIPs a node must hold on its dummy interface (kube-proxy's IPVS mode holds them on
 * kube-ipvs0) so that the proxy can bind them: every Service's ClusterIPs inside the service range.
 * None on a developer machine, where the range is loopback and Linux routes all of 127/8 to `lo`.
 */
export function clusterIPsToHold(services: readonly Service[], serviceCidr: string): string[] {
  const cidr = parseCidr(serviceCidr);
  const out = new Set<string>();
  for (const s of services) {
    for (const ip of s.spec?.clusterIPs ?? (s.spec?.clusterIP ? [s.spec.clusterIP] : [])) {
      const n = parseIPv4(ip);
      if (n !== undefined && !isLoopback(ip) && cidrContains(cidr, n)) out.add(ip);
    }
  }
  return [...out].sort();
}

/**
 * What to change on the interface: add the missing addresses, remove held ones no Service uses —
 * only inside the service range, so addresses someone else put on the interface are left alone.
 */
export function planInterfaceAddresses(held: readonly string[], wanted: readonly string[], serviceCidr: string): { add: string[]; remove: string[] } {
  const cidr = parseCidr(serviceCidr);
  const want = new Set(wanted);
  const have = new Set(held);
  return {
    add: wanted.filter((ip) => !have.has(ip)),
    remove: held.filter((ip) => !want.has(ip) && cidrContains(cidr, parseIPv4(ip) ?? -1)),
  };
}
