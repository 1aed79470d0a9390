/** IPv4 addresses as unsigned 32-bit numbers, and CIDR blocks. */
export interface Cidr {
  readonly network: number; // the block's first address
  readonly prefix: number;
  readonly size: number; // number of addresses in the block
}

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** The address as a number, or undefined when `ip` is not a canonical dotted IPv4 address. */
export function parseIPv4(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4 || !parts.every((p) => OCTET.test(p))) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

export function formatIPv4(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

/** Parses `a.b.c.d/p`; the host bits must be zero, as Kubernetes requires of a service CIDR. */
export function parseCidr(text: string): Cidr {
  const [ip, bits, extra] = text.split('/');
  const network = parseIPv4(ip ?? '');
  const prefix = Number(bits);
  if (network === undefined || extra !== undefined || !/^\d{1,2}$/.test(bits ?? '') || prefix > 32) {
    throw new Error(`invalid CIDR ${JSON.stringify(text)}`);
  }
  const size = 2 ** (32 - prefix);
  if (network % size !== 0) throw new Error(`invalid CIDR ${JSON.stringify(text)}: host bits set`);
  return { network, prefix, size };
}

export function cidrContains(cidr: Cidr, ip: number): boolean {
  return ip >= cidr.network && ip < cidr.network + cidr.size;
}

export function formatCidr(cidr: Cidr): string {
  return `${formatIPv4(cidr.network)}/${cidr.prefix}`;
}

/** Whether the address is in 127.0.0.0/8 (routed to `lo` on Linux without any interface setup). */
export function isLoopback(ip: string): boolean {
  const n = parseIPv4(ip);
  return n !== undefined && Math.floor(n / 2 ** 24) === 127;
}
