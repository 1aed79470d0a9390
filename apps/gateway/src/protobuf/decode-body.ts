import { badRequest, HttpError, unsupportedMediaType } from '../http/status';
import { k8sMessage, messageNameFor } from './schema';
import { messageToJson } from './to-json';
import { unknownFields } from './unknown-fields';

/** The 4 bytes every Kubernetes protobuf body starts with: "k8s\0". */
export const PROTOBUF_MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

/**
 * A `application/vnd.kubernetes.protobuf` request body → the JSON object a JSON client would have sent
 * (apiVersion and kind from the envelope), for the same create/update path. The envelope is the magic
 * plus a runtime.Unknown {typeMeta, raw, contentEncoding, contentType}; `raw` is the object message.
 * Refused with 400: a body without the magic, an encoded (compressed) payload, a kind Wake does not
 * decode, fields the schema does not know, bytes that do not parse.
 */
export function decodeProtobufBody(body: Buffer): Record<string, unknown> {
  if (!body.length) throw new HttpError(badRequest('the request body is empty'));
  if (body.length < 4 || !body.subarray(0, 4).equals(PROTOBUF_MAGIC)) {
    throw new HttpError(badRequest('provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]'));
  }
  const envelopeType = k8sMessage('Unknown');
  const envelope = parse(() => envelopeType.decode(body.subarray(4)), 'runtime.Unknown') as unknown as {
    typeMeta?: { apiVersion?: string; kind?: string }; raw?: Uint8Array; contentEncoding?: string;
  };
  const apiVersion = envelope.typeMeta?.apiVersion ?? '';
  const kind = envelope.typeMeta?.kind ?? '';
  if (envelope.contentEncoding) {
    throw new HttpError(unsupportedMediaType(`application/vnd.kubernetes.protobuf (contentEncoding ${envelope.contentEncoding})`, ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf']));
  }
  const name = messageNameFor(apiVersion, kind);
  if (!name) {
    throw new HttpError(badRequest(`Wake does not decode protobuf bodies of kind "${kind}" in version "${apiVersion}"; send it as application/json (kubectl create -f / apply)`));
  }
  const type = k8sMessage(name);
  const raw = envelope.raw ?? new Uint8Array();
  const unknown = parse(() => unknownFields(type, raw), kind);
  if (unknown.length) {
    throw new HttpError(badRequest(`${kind} in version "${apiVersion}" cannot be handled as a ${kind}: protobuf fields Wake does not decode: ${unknown.join(', ')}; send it as application/json`));
  }
  const message = parse(() => type.decode(raw), kind);
  return { apiVersion, kind, ...messageToJson(type, message) };
}

function parse<T>(run: () => T, what: string): T {
  try {
    return run();
  } catch (e) {
    throw new HttpError(badRequest(`${what}: cannot decode protobuf: ${(e as Error).message}`));
  }
}
