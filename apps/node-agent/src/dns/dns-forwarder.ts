import dgram from 'node:dgram';

export interface Upstream {
  readonly host: string;
  readonly port: number;
}

/**
 * Forwards a query the cluster zone does not own to the host's resolvers over UDP and returns the
 * reply (first answer wins; undefined after the timeout). Off unless the agent configures upstreams:
 * tests never send DNS anywhere but their own 127.x server.
 */
export function forwardQuery(query: Buffer, upstreams: readonly Upstream[], timeoutMs = 2000): Promise<Buffer | undefined> {
  if (!upstreams.length) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    const done = (reply?: Buffer) => { clearTimeout(timer); try { socket.close(); } catch { /* closed */ } resolve(reply); };
    const timer = setTimeout(() => done(undefined), timeoutMs);
    const id = query.readUInt16BE(0);
    socket.on('message', (reply) => { if (reply.length >= 2 && reply.readUInt16BE(0) === id) done(reply); });
    socket.on('error', () => done(undefined));
    for (const u of upstreams) socket.send(query, u.port, u.host);
  });
}

/** The nameservers of a resolv.conf text, as upstreams on port 53, leaving out the cluster's own address. */
export function upstreamsFromResolvConf(text: string, exclude: readonly string[] = []): Upstream[] {
  return text.split('\n')
    .map((l) => /^\s*nameserver\s+(\S+)/.exec(l)?.[1])
    .filter((h): h is string => !!h && !h.includes(':') && !exclude.includes(h))
    .map((host) => ({ host, port: 53 }));
}
