import { Readable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { decodeObjectBody, readBody } from './body';
import { HttpError } from './status';

const req = (chunks: Buffer[], headers: Record<string, string> = {}) =>
  Object.assign(Readable.from(chunks), { headers }) as unknown as IncomingMessage;
const codeOf = async (p: Promise<unknown> | (() => unknown)) => {
  try { await (typeof p === 'function' ? p() : p); return 'ok'; } catch (e) { return e instanceof HttpError ? e.status.code : String(e); }
};

describe('request bodies', () => {
  it('refuses bodies over the limit, declared or streamed, with 413', async () => {
    expect(await codeOf(readBody(req([Buffer.alloc(10)], { 'content-length': '100' }), 50))).toBe(413);
    expect(await codeOf(readBody(req([Buffer.alloc(30), Buffer.alloc(30)]), 50))).toBe(413);
    expect((await readBody(req([Buffer.from('ab'), Buffer.from('c')]), 50)).toString()).toBe('abc');
  });
  it('decodes JSON, YAML and Kubernetes protobuf, and refuses unknown types (415) and malformed bodies (400)', async () => {
    expect(decodeObjectBody(Buffer.from('{"a":1}'), 'application/json')).toEqual({ a: 1 });
    expect(decodeObjectBody(Buffer.from('a: 1\n'), 'application/yaml')).toEqual({ a: 1 });
    const namespace = Buffer.from('6b3873000a0f0a02763112094e616d657370616365120a0a080a0673686f702d31', 'hex');
    expect(decodeObjectBody(namespace, 'application/vnd.kubernetes.protobuf')).toEqual({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop-1' } });
    expect(await codeOf(() => decodeObjectBody(Buffer.from('k8s\0'), 'application/vnd.kubernetes.protobuf'))).toBe(400);
    expect(await codeOf(() => decodeObjectBody(Buffer.from('x'), 'text/plain'))).toBe(415);
    expect(await codeOf(() => decodeObjectBody(Buffer.from('{"a":'), 'application/json'))).toBe(400);
    expect(await codeOf(() => decodeObjectBody(Buffer.from('a: [1'), 'application/yaml'))).toBe(400);
  });
});
