import { PassThrough, Readable } from 'node:stream';
import type Docker from 'dockerode';
import { demuxBuffer, demuxStream } from './demux';

export interface LogOptions {
  readonly follow?: boolean;
  readonly tailLines?: number;
  readonly sinceSeconds?: number;
  readonly sinceTime?: string;
  readonly timestamps?: boolean;
}

/** A container's stdout and stderr interleaved, as `kubectl logs` shows them. */
export async function containerLogs(docker: Docker, id: string, opts: LogOptions = {}, now = Date.now()): Promise<Readable> {
  const container = docker.getContainer(id);
  const tty = (await container.inspect()).Config.Tty;
  const since = opts.sinceTime
    ? Math.floor(new Date(opts.sinceTime).getTime() / 1000)
    : opts.sinceSeconds !== undefined ? Math.floor(now / 1000 - opts.sinceSeconds) : 0;
  // tail omitted = all lines (the API's "all").
  const base = { stdout: true, stderr: true, timestamps: opts.timestamps ?? false, since, ...(opts.tailLines !== undefined ? { tail: opts.tailLines } : {}) };
  if (!opts.follow) {
    const buf = await container.logs({ ...base, follow: false });
    return Readable.from([tty ? buf : demuxBuffer(buf).combined]);
  }
  const stream = (await container.logs({ ...base, follow: true })) as unknown as Readable;
  if (tty) return stream;
  const { stdout, stderr } = demuxStream(stream);
  const out = new PassThrough();
  let open = 2;
  const done = () => { if (--open === 0) out.end(); };
  for (const s of [stdout, stderr]) {
    s.on('data', (d) => out.write(d));
    s.on('end', done);
  }
  out.on('close', () => (stream as Readable & { destroy(): void }).destroy());
  return out;
}
