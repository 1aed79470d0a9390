import protobuf from 'protobufjs';

/**
 * The fields of an encoded message that its schema does not know, as `path: field <n>` (protobufjs
 * skips them silently; Wake refuses such a body instead of dropping what the client meant).
 * Walks the wire format against the schema, into nested messages and map values.
 */
export function unknownFields(type: protobuf.Type, bytes: Uint8Array, at = ''): string[] {
  const out: string[] = [];
  const r = protobuf.Reader.create(bytes);
  while (r.pos < r.len) {
    const tag = r.uint32();
    const id = tag >>> 3;
    const wire = tag & 7;
    const field = type.fieldsById[id];
    const where = (name: string) => (at ? `${at}.${name}` : name);
    if (!field) {
      out.push(`${where(`<${type.name} field ${id}>`)}`);
      r.skipType(wire);
      continue;
    }
    const nested = field.resolvedType instanceof protobuf.Type ? field.resolvedType : undefined;
    if (wire !== 2 || !nested) {
      r.skipType(wire);
      continue;
    }
    const payload = r.bytes();
    if (field instanceof protobuf.MapField) out.push(...unknownInMapValue(nested, payload, where(field.name)));
    else out.push(...unknownFields(nested, payload, where(field.name)));
  }
  return out;
}

/** A map entry is a message {1: key, 2: value}; only a message value can hold unknown fields. */
function unknownInMapValue(valueType: protobuf.Type, entry: Uint8Array, at: string): string[] {
  const r = protobuf.Reader.create(entry);
  const out: string[] = [];
  while (r.pos < r.len) {
    const tag = r.uint32();
    if (tag >>> 3 === 2 && (tag & 7) === 2) out.push(...unknownFields(valueType, r.bytes(), at));
    else r.skipType(tag & 7);
  }
  return out;
}
