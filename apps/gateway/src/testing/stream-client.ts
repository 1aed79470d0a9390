import https from 'node:https';
import type { GatewayHarness } from './harness';

/** A streaming GET (watch, log follow): lines as they arrive, when headers came, and a way to stop. */
export interface OpenStream {
  readonly status: number;
  readonly lines: string[];
  readonly ended: Promise<void>;
  waitForLines(n: number, timeoutMs?: number): Promise<string[]>;
  close(): void;
}

export function openStream(h: GatewayHarness, urlPath: string, headers: Record<string, string> = {}): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const req = https.request(new URL(urlPath, h.url), { method: 'GET', ca: h.caCert, headers: { Authorization: `Bearer ${h.gateway.token}`, ...headers } }, (res) => {
      const lines: string[] = [];
      let buf = '';
      const waiters: (() => void)[] = [];
      const ended = new Promise<void>((r) => { res.on('end', r); res.on('close', r); });
      res.on('data', (c: Buffer) => {
        buf += c.toString('utf8');
        let i: number;
        while ((i = buf.indexOf('\n')) >= 0) { lines.push(buf.slice(0, i)); buf = buf.slice(i + 1); }
        waiters.splice(0).forEach((w) => w());
      });
      res.on('end', () => { if (buf) lines.push(buf); waiters.splice(0).forEach((w) => w()); });
      resolve({
        status: res.statusCode ?? 0, lines, ended,
        waitForLines: async (n, timeoutMs = 10_000) => {
          const deadline = Date.now() + timeoutMs;
          while (lines.length < n) {
            if (Date.now() > deadline || res.complete) throw new Error(`got ${lines.length} of ${n} lines: ${lines.join('\n')}`);
            await new Promise<void>((r) => { waiters.push(r); setTimeout(r, 100); });
          }
          return lines.slice(0, n);
        },
        close: () => req.destroy(),
      });
    });
    req.on('error', (e) => { if ((e as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(e); });
    req.end();
  });
}
