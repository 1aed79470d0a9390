import type { ServerResponse } from 'node:http';
import type { Status } from './status';

export function sendJson(res: ServerResponse, code: number, body: unknown, contentType = 'application/json'): void {
  const data = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(data), 'Cache-Control': 'no-cache, private' });
  res.end(data);
}

export function sendStatus(res: ServerResponse, status: Status): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  sendJson(res, status.code, status);
}

/** `Warning: 299 - "text"` headers, which kubectl prints as `Warning: text`. */
export function addWarnings(res: ServerResponse, warnings: readonly string[]): void {
  if (!warnings.length || res.headersSent) return;
  res.setHeader('Warning', warnings.map((w) => `299 - ${JSON.stringify(w)}`));
}
