import { PassThrough, type Readable } from 'node:stream';

/**
 * Docker multiplexes stdout and stderr of a non-TTY container into frames: an 8-byte header
 * (stream type, 3 zero bytes, big-endian payload length) followed by the payload.
 */
export function demuxBuffer(buf: Buffer): { stdout: Buffer; stderr: Buffer; combined: Buffer } {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const all: Buffer[] = [];
  let i = 0;
  while (i + 8 <= buf.length) {
    const type = buf[i];
    const len = buf.readUInt32BE(i + 4);
    const payload = buf.subarray(i + 8, i + 8 + len);
    (type === 2 ? err : out).push(payload);
    all.push(payload);
    i += 8 + len;
  }
  return { stdout: Buffer.concat(out), stderr: Buffer.concat(err), combined: Buffer.concat(all) };
}

/** A live multiplexed stream → separate stdout/stderr streams that end when it ends. */
export function demuxStream(source: Readable): { stdout: PassThrough; stderr: PassThrough } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let pending: Buffer = Buffer.alloc(0);
  source.on('data', (chunk: Buffer) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    while (pending.length >= 8) {
      const len = pending.readUInt32BE(4);
      if (pending.length < 8 + len) break;
      (pending[0] === 2 ? stderr : stdout).write(pending.subarray(8, 8 + len));
      pending = pending.subarray(8 + len);
    }
  });
  const end = () => { stdout.end(); stderr.end(); };
  source.on('end', end);
  source.on('close', end);
  source.on('error', (e) => { stdout.destroy(e); stderr.destroy(e); });
  return { stdout, stderr };
}
