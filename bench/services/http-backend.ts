/**
 * A benchmark backend in its own process: a keep-alive HTTP server on a loopback address answering
 * its name. Prints `{"port":N}` once listening; exits when its parent closes stdin.
 *   node -r ./scripts/register.js bench/services/http-backend.ts <ip> <name>
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const [ip, name] = process.argv.slice(2);
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(name) });
  res.end(name);
});
server.keepAliveTimeout = 60_000;
server.listen(0, ip, () => process.stdout.write(JSON.stringify({ port: (server.address() as AddressInfo).port }) + '\n'));
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
