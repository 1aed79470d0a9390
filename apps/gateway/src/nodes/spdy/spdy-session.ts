import {
  dataFrame, decodeHeaderBlock, encodeHeaderBlock, FLAG_FIN, FrameReader, FrameType, goAwayFrame, parseSynStream, pingFrame,
  RstStatus, rstStreamFrame, streamIdOf, synReplyFrame, type SpdyFrame,
} from './spdy-frames';
import { HeaderCompression } from './header-compression';

/** The bytes under a SPDY connection: a WebSocket tunnel or an upgraded HTTP socket. */
export interface ByteTransport {
  write(data: Buffer): void;
  onData(listener: (data: Buffer) => void): void;
  onClose(listener: () => void): void;
  close(): void;
}

/** A stream the client opened; the session has already replied to it (as the kubelet does at once). */
export interface SpdyStream {
  readonly id: number;
  readonly headers: Readonly<Record<string, string[]>>;
  /** Data from the client. */
  onData(listener: (data: Buffer) => void): void;
  /** The client half-closed the stream (FIN), reset it, or the connection ended. */
  onEnd(listener: () => void): void;
  write(data: Buffer): void;
  /** Half-closes our side (FIN). */
  end(): void;
  reset(status?: number): void;
}

const MAX_DATA_CHUNK = 32 * 1024;
/** Enough for any sane port-forward client; each stream costs a little state. */
const MAX_STREAMS = 1000;

/**
 * The server side of a SPDY/3 connection, as moby/spdystream's client (client-go) uses it: accepts
 * streams (SYN_STREAM → SYN_REPLY right away), relays data both ways, answers PINGs, honours
 * RST_STREAM and GOAWAY. No flow control: spdystream neither sends nor heeds WINDOW_UPDATE.
 */
export class SpdyServerSession {
  private readonly reader = new FrameReader();
  private readonly zlib = new HeaderCompression();
  private readonly streams = new Map<number, StreamState>();
  private lastStreamId = 0;
  private closed = false;
  private incoming: Promise<void> = Promise.resolve();

  constructor(private readonly transport: ByteTransport, private readonly onStream: (s: SpdyStream) => void, private readonly onError: (e: Error) => void = () => undefined) {
    transport.onData((chunk) => {
      if (this.closed) return;
      let frames: SpdyFrame[];
      try {
        frames = this.reader.push(chunk);
      } catch (e) {
        return this.fail(e as Error);
      }
      // Frames are handled in order: a SYN_STREAM's headers are decompressed before its data arrives.
      for (const f of frames) this.incoming = this.incoming.then(() => this.handle(f)).catch((e: Error) => this.fail(e));
    });
    transport.onClose(() => this.shutdown());
  }

  /** Ends the connection: GOAWAY, then the transport closes. */
  close(): void {
    if (this.closed) return;
    this.send(goAwayFrame(this.lastStreamId));
    this.shutdown();
    this.transport.close();
  }

  private fail(e: Error): void {
    this.onError(e);
    this.close();
  }

  private shutdown(): void {
    if (this.closed) return;
    this.closed = true;
    for (const s of this.streams.values()) s.remoteEnded();
    this.streams.clear();
    this.zlib.close();
  }

  private send(bytes: Buffer): void {
    if (!this.closed) this.transport.write(bytes);
  }

  private async handle(f: SpdyFrame): Promise<void> {
    if (this.closed) return;
    if (!f.control) {
      const s = this.streams.get(f.streamId);
      if (!s) return; // data for a stream already gone: dropped, as spdystream does
      if (f.data.length) s.received(f.data);
      if (f.flags & FLAG_FIN) s.remoteEnded();
      return;
    }
    switch (f.type) {
      case FrameType.SYN_STREAM: {
        const syn = parseSynStream(f.body);
        const headers = decodeHeaderBlock(await this.zlib.decompress(syn.headerBlock));
        if (syn.streamId % 2 === 0 || syn.streamId <= this.lastStreamId || this.streams.size >= MAX_STREAMS) {
          this.send(rstStreamFrame(syn.streamId, syn.streamId % 2 === 0 || syn.streamId <= this.lastStreamId ? RstStatus.PROTOCOL_ERROR : RstStatus.REFUSED_STREAM));
          return;
        }
        this.lastStreamId = syn.streamId;
        const state = new StreamState(syn.streamId, headers, this);
        this.streams.set(syn.streamId, state);
        this.send(synReplyFrame(syn.streamId, await this.zlib.compress(encodeHeaderBlock({}))));
        if (f.flags & FLAG_FIN) state.remoteEnded();
        this.onStream(state);
        return;
      }
      case FrameType.RST_STREAM: {
        const id = streamIdOf(f.body);
        this.streams.get(id)?.remoteEnded();
        this.streams.delete(id);
        return;
      }
      case FrameType.PING:
        this.send(pingFrame(f.body));
        return;
      case FrameType.GOAWAY:
        this.close();
        return;
      case FrameType.HEADERS:
        // Header blocks share the zlib stream: decompress to keep it in step, then ignore.
        if (f.body.length > 4) await this.zlib.decompress(f.body.subarray(4));
        return;
      default:
        return; // SETTINGS, WINDOW_UPDATE and unknown types: nothing to do without flow control
    }
  }

  /** @internal used by StreamState */
  writeData(id: number, data: Buffer, fin: boolean): void {
    for (let i = 0; i < data.length; i += MAX_DATA_CHUNK) this.send(dataFrame(id, data.subarray(i, i + MAX_DATA_CHUNK)));
    if (fin) this.send(dataFrame(id, Buffer.alloc(0), true));
  }

  /** @internal */
  resetStream(id: number, status: number): void {
    this.send(rstStreamFrame(id, status));
    this.streams.delete(id);
  }

  /** @internal a stream both sides have closed */
  forget(id: number): void {
    this.streams.delete(id);
  }
}

class StreamState implements SpdyStream {
  private dataListeners: ((d: Buffer) => void)[] = [];
  private endListeners: (() => void)[] = [];
  private early: Buffer[] = [];
  private localEnded = false;
  private remoteDone = false;

  constructor(readonly id: number, readonly headers: Record<string, string[]>, private readonly session: SpdyServerSession) {}

  onData(listener: (data: Buffer) => void): void {
    this.dataListeners.push(listener);
    for (const d of this.early.splice(0)) listener(d);
  }

  onEnd(listener: () => void): void {
    if (this.remoteDone) queueMicrotask(listener);
    else this.endListeners.push(listener);
  }

  write(data: Buffer): void {
    if (!this.localEnded && data.length) this.session.writeData(this.id, data, false);
  }

  end(): void {
    if (this.localEnded) return;
    this.localEnded = true;
    this.session.writeData(this.id, Buffer.alloc(0), true);
    if (this.remoteDone) this.session.forget(this.id);
  }

  reset(status: number = RstStatus.CANCEL): void {
    this.localEnded = true;
    this.session.resetStream(this.id, status);
    this.remoteEnded();
  }

  received(data: Buffer): void {
    if (this.remoteDone) return;
    if (this.dataListeners.length) for (const l of this.dataListeners) l(data);
    else this.early.push(data);
  }

  remoteEnded(): void {
    if (this.remoteDone) return;
    this.remoteDone = true;
    for (const l of this.endListeners.splice(0)) l();
    if (this.localEnded) this.session.forget(this.id);
  }
}
