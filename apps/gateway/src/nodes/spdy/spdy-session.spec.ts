import { dataFrame, decodeHeaderBlock, encodeHeaderBlock, FLAG_FIN, FrameReader, FrameType, pingFrame, rstStreamFrame, type SpdyFrame } from './spdy-frames';
import { HeaderCompression } from './header-compression';
import { SpdyServerSession, type ByteTransport, type SpdyStream } from './spdy-session';

/** A client side as spdystream behaves: its own header compression, frames written to the session's transport. */
function harness() {
  let deliver: (d: Buffer) => void = () => undefined;
  let closeListener: () => void = () => undefined;
  const sent = new FrameReader();
  const fromServer: SpdyFrame[] = [];
  let closed = false;
  const transport: ByteTransport = {
    write: (d) => { fromServer.push(...sent.push(d)); },
    onData: (l) => { deliver = l; },
    onClose: (l) => { closeListener = l; },
    close: () => { closed = true; },
  };
  const streams: SpdyStream[] = [];
  new SpdyServerSession(transport, (s) => streams.push(s));
  const client = new HeaderCompression();
  const serverHeaders = new HeaderCompression();
  const settle = () => new Promise((r) => setTimeout(r, 20));
  return {
    streams, fromServer, isClosed: () => closed, hangUp: () => closeListener(),
    send: (d: Buffer) => deliver(d),
    async open(id: number, headers: Record<string, string>, flags = 0) {
      const block = await client.compress(encodeHeaderBlock(headers));
      const body = Buffer.concat([Buffer.from([0, 0, 0, id, 0, 0, 0, 0, 0, 0]), block]);
      const head = Buffer.from([0x80, 3, 0, FrameType.SYN_STREAM, flags, 0, 0, 0]);
      head.writeUIntBE(body.length, 5, 3);
      deliver(Buffer.concat([head, body]));
      await settle();
    },
    /** The SYN_REPLY headers the server sent for a stream (decompressed on the client's inflate stream). */
    async replyHeaders(f: SpdyFrame) {
      return decodeHeaderBlock(await serverHeaders.decompress((f as { body: Buffer }).body.subarray(4)));
    },
    settle,
  };
}

describe('the SPDY/3 server session', () => {
  it('replies to each stream at once, relays data both ways, and half-closes with FIN', async () => {
    const h = harness();
    await h.open(1, { streamtype: 'data', port: '80' });
    expect(h.streams.map((s) => [s.id, s.headers.port])).toEqual([[1, ['80']]]);
    const reply = h.fromServer.find((f) => f.control && f.type === FrameType.SYN_REPLY)!;
    expect(await h.replyHeaders(reply)).toEqual({});
    const got: string[] = [];
    let ended = false;
    h.streams[0].onData((d) => got.push(d.toString()));
    h.streams[0].onEnd(() => { ended = true; });
    h.send(Buffer.concat([dataFrame(1, Buffer.from('GET / ')), dataFrame(1, Buffer.from('HTTP/1.1'), true)]));
    await h.settle();
    expect([got.join(''), ended]).toEqual(['GET / HTTP/1.1', true]);
    h.streams[0].write(Buffer.alloc(70_000, 1)); // split into pieces, no window to wait for
    h.streams[0].end();
    const data = h.fromServer.filter((f) => !f.control) as { streamId: number; flags: number; data: Buffer }[];
    expect(data.reduce((n, f) => n + f.data.length, 0)).toBe(70_000);
    expect(data.every((f) => f.data.length <= 32 * 1024)).toBe(true);
    expect(data.at(-1)).toMatchObject({ streamId: 1, flags: FLAG_FIN, data: Buffer.alloc(0) });
  });

  it('answers PINGs, ends a stream the client resets, refuses even or reused stream ids', async () => {
    const h = harness();
    h.send(pingFrame(Buffer.from([0, 0, 0, 1])));
    await h.settle();
    expect(h.fromServer.at(-1)).toEqual({ control: true, type: FrameType.PING, flags: 0, body: Buffer.from([0, 0, 0, 1]) });
    await h.open(3, { streamtype: 'error' });
    let ended = false;
    h.streams[0].onEnd(() => { ended = true; });
    h.send(rstStreamFrame(3, 5));
    await h.settle();
    expect(ended).toBe(true);
    await h.open(2, { streamtype: 'data' }); // even: the server's own ids
    await h.open(3, { streamtype: 'data' }); // not above the last one
    expect(h.streams).toHaveLength(1);
    expect(h.fromServer.filter((f) => f.control && f.type === FrameType.RST_STREAM)).toHaveLength(2);
  });

  it('ends every stream when the transport closes, and closes on a frame it cannot read', async () => {
    const h = harness();
    await h.open(1, { streamtype: 'data' });
    let ended = false;
    h.streams[0].onEnd(() => { ended = true; });
    h.hangUp();
    expect(ended).toBe(true);
    const bad = harness();
    const v2 = pingFrame(Buffer.alloc(4));
    v2.writeUInt16BE(0x8002, 0);
    bad.send(v2);
    expect(bad.isClosed()).toBe(true);
    expect(bad.fromServer.at(-1)).toMatchObject({ control: true, type: FrameType.GOAWAY });
  });
});
