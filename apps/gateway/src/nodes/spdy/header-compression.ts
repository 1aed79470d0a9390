import { constants, createDeflate, createInflate, type Deflate, type Inflate } from 'node:zlib';
import { SPDY3_DICTIONARY } from './spdy3-dictionary';

/**
 * SPDY/3 header compression: one zlib stream per direction for the whole connection, primed with
 * the SPDY dictionary, each header block ending at a sync flush (section 2.6.10.1). Blocks are
 * processed one at a time, in order (the zlib state is shared between them).
 */
export class HeaderCompression {
  private readonly inflate: Inflate = createInflate({ dictionary: SPDY3_DICTIONARY, finishFlush: constants.Z_SYNC_FLUSH, flush: constants.Z_SYNC_FLUSH });
  private readonly deflate: Deflate = createDeflate({ dictionary: SPDY3_DICTIONARY, flush: constants.Z_SYNC_FLUSH });
  private queue: Promise<unknown> = Promise.resolve();

  /** A received block, decompressed. */
  decompress(block: Buffer): Promise<Buffer> {
    return this.serially(() => through(this.inflate, block));
  }

  /** A block to send, compressed. */
  compress(raw: Buffer): Promise<Buffer> {
    return this.serially(() => through(this.deflate, raw));
  }

  close(): void {
    this.inflate.close();
    this.deflate.close();
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** Writes one chunk through a zlib stream whose every write is sync-flushed, and collects its output. */
function through(z: Inflate | Deflate, input: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const out: Buffer[] = [];
    const onData = (d: Buffer) => out.push(d);
    const onError = (e: Error) => { cleanup(); reject(e); };
    const cleanup = () => { z.off('data', onData); z.off('error', onError); };
    z.on('data', onData);
    z.once('error', onError);
    z.write(input, () => {
      // The write callback runs once zlib has taken the chunk; its output is pushed just before.
      setImmediate(() => { cleanup(); resolve(Buffer.concat(out)); });
    });
  });
}
