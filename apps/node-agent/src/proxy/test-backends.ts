import dgram from 'node:dgram';
import http from 'node:http';
import net from 'node:net';

/** Test and benchmark backends on loopback addresses: an HTTP server answering its name, a UDP echo. */
export interface TestBackend {
  readonly name: string;
  readonly ip: string;
  readonly port: number;
  requests: number;
  close(): Promise<void>;
}

export async function httpBackend(name: string, ip: string, port = 0): Promise<TestBackend> {
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    backend.requests++;
    const body = req.url?.startsWith('/slow') ? undefined : name;
    if (body === undefined) { setTimeout(() => res.end(name), 300); return; }
    res.end(body);
  });
  server.keepAliveTimeout = 30_000;
  server.on('connection', (s) => { sockets.add(s); s.once('close', () => sockets.delete(s)); });
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(port, ip, () => resolve()); });
  const backend: TestBackend = {
    name, ip, port: (server.address() as net.AddressInfo).port, requests: 0,
    close: () => new Promise((resolve) => { for (const s of sockets) s.destroy(); server.close(() => resolve()); }),
  };
  return backend;
}

export async function udpEchoBackend(name: string, ip: string, port = 0): Promise<TestBackend> {
  const socket = dgram.createSocket('udp4');
  socket.on('message', (msg, rinfo) => { backend.requests++; socket.send(Buffer.concat([Buffer.from(`${name}:`), msg]), rinfo.port, rinfo.address); });
  await new Promise<void>((resolve) => socket.bind(port, ip, () => resolve()));
  const backend: TestBackend = {
    name, ip, port: socket.address().port, requests: 0,
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
  return backend;
}

/** One HTTP GET on a fresh connection (optionally from a chosen local address); resolves to the body. */
export function get(ip: string, port: number, opts: { localAddress?: string; agent?: http.Agent; path?: string } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: ip, port, path: opts.path ?? '/', agent: opts.agent ?? false, localAddress: opts.localAddress, timeout: 3000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve(body));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

/** One UDP round trip from a fresh socket; resolves to the reply. */
export function udpAsk(ip: string, port: number, message: string, timeoutMs = 2000): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = dgram.createSocket('udp4');
    const timer = setTimeout(() => { s.close(); reject(new Error('udp timeout')); }, timeoutMs);
    s.on('message', (m) => { clearTimeout(timer); s.close(); resolve(m.toString()); });
    s.send(message, port, ip);
  });
}

/** A random /24-ish corner of 127/8 for one test file, so that parallel test files never collide. */
export function loopbackBlock(first: number): (host: number) => string {
  const b = 1 + Math.floor(Math.random() * 250);
  const c = 1 + Math.floor(Math.random() * 250);
  return (host: number) => `127.${first}.${b}.${(c + host) % 250 + 1}`;
}
