import { cidrContains, formatCidr, formatIPv4, parseCidr, parseIPv4, type Cidr } from '../net/ipv4';

/** A developer machine's service range: loopback, so every ClusterIP stays on the machine. */
export const DEFAULT_SERVICE_CIDR = '127.100.0.0/16';
export const DEFAULT_NODE_PORT_RANGE = '30000-32767';

/**
 * The ClusterIP range. As in Kubernetes, the network and broadcast addresses are never handed out,
 * and the first usable address belongs to the `kubernetes` Service in `default`: it is only given
 * to a Service that asks for it by value, never dynamically.
 */
export interface ServiceIPRange {
  readonly cidr: Cidr;
  readonly text: string;
}

export function serviceIPRange(text: string = DEFAULT_SERVICE_CIDR): ServiceIPRange {
  const cidr = parseCidr(text);
  if (cidr.prefix > 30) throw new Error(`service CIDR ${text} is too small: it needs at least a /30`);
  return { cidr, text: formatCidr(cidr) };
}

/** The address of the `kubernetes` Service: the range's first usable address (127.100.0.1 by default). */
export function kubernetesServiceIP(range: ServiceIPRange): string {
  return formatIPv4(range.cidr.network + 1);
}

/** Whether `ip` may be allocated at all: inside the range, neither its network nor its broadcast address. */
export function ipInRange(range: ServiceIPRange, ip: string): boolean {
  const n = parseIPv4(ip);
  return n !== undefined && cidrContains(range.cidr, n) && n !== range.cidr.network && n !== range.cidr.network + range.cidr.size - 1;
}

/** The addresses dynamic allocation draws from, as offsets: after the kubernetes Service's, before broadcast. */
export function dynamicIPCount(range: ServiceIPRange): number {
  return range.cidr.size - 3;
}

export function dynamicIPAt(range: ServiceIPRange, index: number): string {
  return formatIPv4(range.cidr.network + 2 + index);
}

export interface PortRange {
  readonly min: number;
  readonly max: number;
  readonly text: string;
}

export function portRange(text: string = DEFAULT_NODE_PORT_RANGE): PortRange {
  const m = /^(\d{1,5})-(\d{1,5})$/.exec(text.trim());
  const min = Number(m?.[1]);
  const max = Number(m?.[2]);
  if (!m || min < 1 || max > 65535 || min > max) throw new Error(`invalid port range ${JSON.stringify(text)}`);
  return { min, max, text: `${min}-${max}` };
}

export const portInRange = (range: PortRange, port: number): boolean => Number.isInteger(port) && port >= range.min && port <= range.max;

export interface AllocationRanges {
  readonly serviceIPs: ServiceIPRange;
  readonly nodePorts: PortRange;
}

/** The ranges from the environment (WAKE_SERVICE_CIDR, WAKE_NODE_PORT_RANGE), defaulting to the loopback ones. */
export function rangesFromEnv(env: NodeJS.ProcessEnv = process.env): AllocationRanges {
  return { serviceIPs: serviceIPRange(env.WAKE_SERVICE_CIDR || DEFAULT_SERVICE_CIDR), nodePorts: portRange(env.WAKE_NODE_PORT_RANGE || DEFAULT_NODE_PORT_RANGE) };
}
