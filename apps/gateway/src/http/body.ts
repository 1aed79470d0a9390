import type { IncomingMessage } from 'node:http';
import YAML from 'yaml';
import { badRequest, HttpError, tooLarge, unsupportedMediaType } from './status';
import { mediaType } from './negotiate';
import { decodeProtobufBody } from '../protobuf/decode-body';

export const PROTOBUF = 'application/vnd.kubernetes.protobuf';
const OBJECT_TYPES = ['application/json', 'application/yaml', PROTOBUF];

/**
 * Reads the request body up to `limit` bytes. A larger body is refused with 413 before
 * anything is parsed or written (Content-Length is checked first, then the bytes as they come).
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    throw new HttpError(tooLarge(limit));
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      req.resume();
      throw new HttpError(tooLarge(limit));
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Decodes an object body (POST/PUT) by its Content-Type: JSON, YAML, or Kubernetes protobuf (what
 * kubectl's typed clients send: `create deployment|configmap|…`, `auth can-i`, evictions), which
 * becomes the same JSON object (apps/gateway/src/protobuf).
 */
export function decodeObjectBody(body: Buffer, contentType: string | undefined): unknown {
  const type = mediaType(contentType) || 'application/json';
  if (type === PROTOBUF) return decodeProtobufBody(body);
  if (type === 'application/json' || type === '*/*') return parseJson(body);
  if (type === 'application/yaml' || type === 'application/x-yaml' || type === 'text/yaml') return parseYaml(body);
  throw new HttpError(unsupportedMediaType(type, OBJECT_TYPES));
}

export function parseJson(body: Buffer): unknown {
  if (!body.length) throw new HttpError(badRequest('the request body is empty'));
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (e) {
    throw new HttpError(badRequest(`couldn't get version/kind; json parse error: ${(e as Error).message}`));
  }
}

export function parseYaml(body: Buffer): unknown {
  if (!body.length) throw new HttpError(badRequest('the request body is empty'));
  try {
    const docs = YAML.parseAllDocuments(body.toString('utf8'));
    const errors = docs.flatMap((d) => d.errors);
    if (errors.length) throw errors[0];
    if (docs.length !== 1) throw new Error('expected exactly one YAML document');
    return docs[0].toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new HttpError(badRequest(`error converting YAML to JSON: ${(e as Error).message}`));
  }
}

/** A body that must be a JSON object (a Kubernetes object or options). */
export function requireObject(value: unknown, what = 'object'): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(badRequest(`the ${what} in the request body must be a JSON object`));
  }
  return value as Record<string, unknown>;
}
