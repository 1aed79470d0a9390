/**
 * The load tool, in its own process so that it does not share an event loop with the proxy: a closed
 * loop of `c` workers sending GET / for `seconds`, over kept-alive connections or a new connection per
 * request; prints requests/s, latency percentiles and the share of requests sent on a reused connection
 * (`reusedShare`: a server that closes after each answer makes "kept alive" one per request) as JSON.
 * A status other than 200 counts as an error. The same tool measures the direct path and the proxied one.
 *   node -r ./scripts/register.js bench/services/load-tool.ts <ip> <port> <c> <seconds> <keepalive|close>
 */
import http from 'node:http';
import { Latency } from '../support/latency';

const [ip, port, c, seconds, mode] = process.argv.slice(2);
const agent = new http.Agent({ keepAlive: mode === 'keepalive', maxSockets: Number(c) });
const latency = new Latency();
let errors = 0;
let reused = 0;

function once(): Promise<void> {
  return new Promise((resolve) => {
    const t = process.hrtime.bigint();
    const req = http.get({ host: ip, port: Number(port), path: '/', agent: mode === 'keepalive' ? agent : false }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode !== 200) errors++; // an answer, but not the page: an error, not a latency
        else { latency.record(Number(process.hrtime.bigint() - t) / 1000); if (req.reusedSocket) reused++; }
        resolve();
      });
    });
    req.on('error', () => { errors++; resolve(); });
  });
}

async function main(): Promise<void> {
  const warmUntil = Date.now() + 300;
  while (Date.now() < warmUntil) await once();
  latency.histogram.reset();
  errors = 0;
  reused = 0;
  const start = process.hrtime.bigint();
  const deadline = Date.now() + Number(seconds) * 1000;
  await Promise.all(Array.from({ length: Number(c) }, async () => { while (Date.now() < deadline) await once(); }));
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  agent.destroy();
  process.stdout.write(JSON.stringify({ requests: latency.count, errors, seconds: secs, rps: latency.count / secs, reusedShare: latency.count ? reused / latency.count : 0, p50Ms: latency.ms(50), p99Ms: latency.ms(99), p999Ms: latency.ms(99.9) }) + '\n');
}

void main();
