/**
 * SPDY/3 framing (SPDY Protocol draft 3, section 2.2), the subset a port-forward server needs:
 * kubectl's streams (moby/spdystream, used by client-go) speak version 3 without flow control.
 * Pure: bytes in, frames out, and frames to bytes. Header blocks are zlib-compressed by the
 * connection (header-compression.ts); here they are raw.
 */
export const SPDY_VERSION = 3;

export const FrameType = {
  SYN_STREAM: 1, SYN_REPLY: 2, RST_STREAM: 3, SETTINGS: 4, PING: 6, GOAWAY: 7, HEADERS: 8, WINDOW_UPDATE: 9,
} as const;

export const FLAG_FIN = 0x01;
export const FLAG_UNIDIRECTIONAL = 0x02;

/** RST_STREAM status codes (section 2.4.2). */
export const RstStatus = { PROTOCOL_ERROR: 1, INVALID_STREAM: 2, REFUSED_STREAM: 3, CANCEL: 5, INTERNAL_ERROR: 6 } as const;

export type SpdyFrame =
  | { readonly control: true; readonly type: number; readonly flags: number; readonly body: Buffer }
  | { readonly control: false; readonly streamId: number; readonly flags: number; readonly data: Buffer };

/** Refuses frames whose declared length is beyond this (kubectl writes data in 32 KiB pieces; SPDY allows 16 MiB - 1). */
export const MAX_FRAME_BYTES = 4 * 1024 * 1024;

/**
 * Splits a byte stream into frames (every frame has an 8-byte head whose last 3 bytes are the
 * body's length). Feed it chunks as they come; it returns the complete frames so far.
 */
export class FrameReader {
  private buffered: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): SpdyFrame[] {
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
    const frames: SpdyFrame[] = [];
    while (this.buffered.length >= 8) {
      const length = this.buffered.readUIntBE(5, 3);
      if (length > MAX_FRAME_BYTES) throw new Error(`SPDY frame of ${length} bytes is too large`);
      if (this.buffered.length < 8 + length) break;
      const head = this.buffered.subarray(0, 8);
      const body = this.buffered.subarray(8, 8 + length);
      this.buffered = this.buffered.subarray(8 + length);
      const flags = head[4];
      if (head[0] & 0x80) {
        const version = head.readUInt16BE(0) & 0x7fff;
        if (version !== SPDY_VERSION) throw new Error(`SPDY version ${version} is not supported (want ${SPDY_VERSION})`);
        frames.push({ control: true, type: head.readUInt16BE(2), flags, body: Buffer.from(body) });
      } else {
        frames.push({ control: false, streamId: head.readUInt32BE(0) & 0x7fffffff, flags, data: Buffer.from(body) });
      }
    }
    return frames;
  }
}

/** SYN_STREAM's fixed part: stream id, associated stream id, priority, then the compressed header block. */
export function parseSynStream(body: Buffer): { streamId: number; associatedTo: number; priority: number; headerBlock: Buffer } {
  if (body.length < 10) throw new Error('SYN_STREAM frame too short');
  return { streamId: body.readUInt32BE(0) & 0x7fffffff, associatedTo: body.readUInt32BE(4) & 0x7fffffff, priority: body[8] >> 5, headerBlock: body.subarray(10) };
}

/** The stream id a RST_STREAM / WINDOW_UPDATE / HEADERS / SYN_REPLY frame is about. */
export function streamIdOf(body: Buffer): number {
  if (body.length < 4) throw new Error('SPDY control frame too short');
  return body.readUInt32BE(0) & 0x7fffffff;
}

function controlFrame(type: number, flags: number, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt16BE(0x8000 | SPDY_VERSION, 0);
  head.writeUInt16BE(type, 2);
  head.writeUInt32BE(body.length, 4); // length in the low 3 bytes…
  head[4] = flags; // …flags in the high one
  return Buffer.concat([head, body]);
}

export function synReplyFrame(streamId: number, headerBlock: Buffer, fin = false): Buffer {
  const id = Buffer.alloc(4);
  id.writeUInt32BE(streamId & 0x7fffffff, 0);
  return controlFrame(FrameType.SYN_REPLY, fin ? FLAG_FIN : 0, Buffer.concat([id, headerBlock]));
}

export function rstStreamFrame(streamId: number, status: number): Buffer {
  const body = Buffer.alloc(8);
  body.writeUInt32BE(streamId & 0x7fffffff, 0);
  body.writeUInt32BE(status, 4);
  return controlFrame(FrameType.RST_STREAM, 0, body);
}

/** A PING answered: the same id back (section 2.6.5). */
export function pingFrame(body: Buffer): Buffer {
  return controlFrame(FrameType.PING, 0, body);
}

export function goAwayFrame(lastGoodStreamId: number, status = 0): Buffer {
  const body = Buffer.alloc(8);
  body.writeUInt32BE(lastGoodStreamId & 0x7fffffff, 0);
  body.writeUInt32BE(status, 4);
  return controlFrame(FrameType.GOAWAY, 0, body);
}

/** A data frame; an empty one with FIN half-closes the stream. */
export function dataFrame(streamId: number, data: Buffer, fin = false): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(streamId & 0x7fffffff, 0);
  head.writeUInt32BE(data.length, 4);
  head[4] = fin ? FLAG_FIN : 0;
  return Buffer.concat([head, data]);
}

/**
 * A header block before compression (section 2.6.10): a 32-bit count of pairs, then each name and
 * value as a 32-bit length and bytes; several values of one name are joined by NUL. Names are lower case.
 */
export function encodeHeaderBlock(headers: Readonly<Record<string, string | readonly string[]>>): Buffer {
  const parts: Buffer[] = [];
  const u32 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32BE(n, 0); return b; };
  const entries = Object.entries(headers);
  parts.push(u32(entries.length));
  for (const [name, value] of entries) {
    const n = Buffer.from(name.toLowerCase(), 'utf8');
    const v = Buffer.from(typeof value === 'string' ? value : value.join('\0'), 'utf8');
    parts.push(u32(n.length), n, u32(v.length), v);
  }
  return Buffer.concat(parts);
}

/** The pairs of a decompressed header block; names lower-cased, multiple values split on NUL. */
export function decodeHeaderBlock(raw: Buffer): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  let at = 0;
  const u32 = () => {
    if (at + 4 > raw.length) throw new Error('SPDY header block truncated');
    const n = raw.readUInt32BE(at);
    at += 4;
    return n;
  };
  const bytes = (n: number) => {
    if (at + n > raw.length) throw new Error('SPDY header block truncated');
    const b = raw.subarray(at, at + n);
    at += n;
    return b.toString('utf8');
  };
  const count = u32();
  for (let i = 0; i < count; i++) {
    const name = bytes(u32()).toLowerCase();
    out[name] = [...(out[name] ?? []), ...bytes(u32()).split('\0')];
  }
  return out;
}
