import { createHash } from 'node:crypto';
import {
  dataFrame, decodeHeaderBlock, encodeHeaderBlock, FLAG_FIN, FrameReader, FrameType, goAwayFrame, parseSynStream, pingFrame, rstStreamFrame, synReplyFrame,
} from './spdy-frames';
import { HeaderCompression } from './header-compression';
import { SPDY3_DICTIONARY } from './spdy3-dictionary';

/** A SYN_STREAM as moby/spdystream writes one (version 3, stream id, no associated stream, priority). */
function synStream(streamId: number, headerBlock: Buffer, flags = 0): Buffer {
  const body = Buffer.alloc(10);
  body.writeUInt32BE(streamId, 0);
  body[8] = 2 << 5;
  const all = Buffer.concat([body, headerBlock]);
  const head = Buffer.alloc(8);
  head.writeUInt16BE(0x8003, 0);
  head.writeUInt16BE(FrameType.SYN_STREAM, 2);
  head.writeUInt32BE(all.length, 4);
  head[4] = flags;
  return Buffer.concat([head, all]);
}

describe('SPDY/3 frames', () => {
  it('has the SPDY/3 dictionary, byte for byte', () => {
    expect(SPDY3_DICTIONARY.length).toBe(1423);
    expect(createHash('sha256').update(SPDY3_DICTIONARY).digest('hex')).toBe('51d27341373f923f3cd88e1eb7162aeaa3723d7585ff2399201dc06498407f02');
    expect(SPDY3_DICTIONARY.subarray(0, 11).toString('latin1')).toBe('\0\0\0\x07options');
  });

  it('splits a byte stream into frames wherever the chunks are cut', () => {
    const bytes = Buffer.concat([dataFrame(1, Buffer.from('hello')), pingFrame(Buffer.from([0, 0, 0, 1])), dataFrame(3, Buffer.alloc(0), true)]);
    for (const cut of [1, 7, 8, 12, 13, 20, bytes.length]) {
      const r = new FrameReader();
      const frames = [...r.push(bytes.subarray(0, cut)), ...r.push(bytes.subarray(cut))];
      expect(frames).toEqual([
        { control: false, streamId: 1, flags: 0, data: Buffer.from('hello') },
        { control: true, type: FrameType.PING, flags: 0, body: Buffer.from([0, 0, 0, 1]) },
        { control: false, streamId: 3, flags: FLAG_FIN, data: Buffer.alloc(0) },
      ]);
    }
  });

  it('refuses another SPDY version and frames beyond 4 MiB', () => {
    const v2 = pingFrame(Buffer.alloc(4));
    v2.writeUInt16BE(0x8002, 0);
    expect(() => new FrameReader().push(v2)).toThrow('SPDY version 2 is not supported');
    const huge = dataFrame(1, Buffer.alloc(0));
    huge.writeUIntBE(4 * 1024 * 1024 + 1, 5, 3);
    expect(() => new FrameReader().push(huge)).toThrow('too large');
  });

  it('writes SYN_REPLY, RST_STREAM and GOAWAY as the spec lays them out', () => {
    expect(synReplyFrame(5, Buffer.from([9]))).toEqual(Buffer.from([0x80, 3, 0, 2, 0, 0, 0, 5, 0, 0, 0, 5, 9]));
    expect(rstStreamFrame(7, 3)).toEqual(Buffer.from([0x80, 3, 0, 3, 0, 0, 0, 8, 0, 0, 0, 7, 0, 0, 0, 3]));
    expect(goAwayFrame(9)).toEqual(Buffer.from([0x80, 3, 0, 7, 0, 0, 0, 8, 0, 0, 0, 9, 0, 0, 0, 0]));
    expect(dataFrame(3, Buffer.from('x'), true)).toEqual(Buffer.from([0, 0, 0, 3, 1, 0, 0, 1, 0x78]));
  });

  it('encodes and decodes header blocks (lower-case names, NUL-joined values)', () => {
    const raw = encodeHeaderBlock({ streamType: 'data', port: '8080', requestID: '0', accept: ['a', 'b'] });
    expect(raw.readUInt32BE(0)).toBe(4);
    expect(decodeHeaderBlock(raw)).toEqual({ streamtype: ['data'], port: ['8080'], requestid: ['0'], accept: ['a', 'b'] });
    expect(() => decodeHeaderBlock(raw.subarray(0, raw.length - 1))).toThrow('truncated');
  });

  it('compresses header blocks on one zlib stream per direction, primed with the dictionary', async () => {
    // The client's side (what spdystream's framer does) and the server's side, block after block.
    const client = new HeaderCompression();
    const server = new HeaderCompression();
    for (const [i, type] of [[1, 'error'], [3, 'data'], [5, 'error']] as const) {
      const block = await client.compress(encodeHeaderBlock({ streamtype: type, port: '80', requestid: String(i) }));
      const [frame] = new FrameReader().push(synStream(i, block));
      const syn = parseSynStream((frame as { body: Buffer }).body);
      expect(syn.streamId).toBe(i);
      expect(decodeHeaderBlock(await server.decompress(syn.headerBlock))).toEqual({ streamtype: [type], port: ['80'], requestid: [String(i)] });
    }
    client.close();
    server.close();
  });
});
