import { cidrContains, isLoopback, parseCidr, parseIPv4 } from '@wake/services';

/**
 * The nameserver a pod's resolv.conf can name: the node's cluster DNS when it listens on port 53
 * (resolv.conf has no port) at the node address, and that address is reachable from inside a pod —
 * any non-loopback address, or a loopback one the pods route to the node.
 */
export function podReachableDns(nodeAddress: string, listening: ReadonlyArray<{ host: string; port: number }>, loopbackRoutes: readonly string[]): string | undefined {
  if (!listening.some((a) => a.host === nodeAddress && a.port === 53)) return undefined;
  if (!isLoopback(nodeAddress)) return nodeAddress;
  const ip = parseIPv4(nodeAddress)!;
  return loopbackRoutes.some((r) => cidrContains(parseCidr(r), ip)) ? nodeAddress : undefined;
}
