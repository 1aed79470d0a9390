import type { Readable, Writable } from 'node:stream';
import { PassThrough } from 'node:stream';
import type Docker from 'dockerode';
import { demuxStream } from './demux';

export interface ExecOptions {
  readonly stdin?: boolean;
  readonly tty?: boolean;
}

export interface ExecSession {
  /** Present when stdin was requested; end() closes the process's stdin. */
  readonly stdin?: Writable;
  readonly stdout: Readable;
  /** Empty with a TTY (the terminal merges both). */
  readonly stderr: Readable;
  /** The process's exit code, once its output ended. */
  readonly exitCode: Promise<number>;
  resize(columns: number, rows: number): Promise<void>;
}

/** `docker exec` with streams: the adapter `kubectl exec` goes through. */
export async function execIn(docker: Docker, id: string, cmd: string[], opts: ExecOptions = {}): Promise<ExecSession> {
  const exec = await docker.getContainer(id).exec({
    Cmd: cmd, AttachStdin: !!opts.stdin, AttachStdout: true, AttachStderr: true, Tty: !!opts.tty,
  });
  const stream = (await exec.start({ hijack: true, stdin: !!opts.stdin, Tty: !!opts.tty })) as unknown as HijackedStream;
  return sessionOn(stream, opts, async () => (await exec.inspect()).ExitCode ?? -1, async (w, h) => { await exec.resize({ w, h }); });
}

/**
 * `docker attach` to a running container's main process (`kubectl attach`, `kubectl run -it`):
 * only new output; stdin when the container was created with it (pod spec `stdin: true`); the
 * same streams as exec. Ends when the process exits or the stream closes; exitCode is the
 * container's once it has stopped (0 while it still runs: a detached client is no failure).
 */
export async function attachTo(docker: Docker, id: string, opts: ExecOptions = {}): Promise<ExecSession> {
  const container = docker.getContainer(id);
  const stream = (await container.attach({ stream: true, stdin: !!opts.stdin, stdout: true, stderr: true, hijack: true, logs: false })) as unknown as HijackedStream;
  return sessionOn(stream, opts, async () => {
    const { State } = await container.inspect();
    return State.Running ? 0 : State.ExitCode ?? -1;
  }, async (w, h) => { await container.resize({ w, h }); });
}

type HijackedStream = NodeJS.ReadWriteStream & Readable;

/** The session on a hijacked Docker stream (exec or attach): output split unless a TTY merges it; the exit code read once it ends. */
function sessionOn(stream: HijackedStream, opts: ExecOptions, exitCodeOf: () => Promise<number>, resize: ExecSession['resize']): ExecSession {
  const streams = opts.tty ? { stdout: stream.pipe(new PassThrough()), stderr: endedStream() } : demuxStream(stream);
  const exitCode = new Promise<number>((resolve, reject) => {
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      exitCodeOf().then(resolve, reject);
    };
    stream.on('end', finish);
    stream.on('close', finish);
    stream.on('error', reject);
  });
  return { stdin: opts.stdin ? (stream as unknown as Writable) : undefined, stdout: streams.stdout, stderr: streams.stderr, exitCode, resize };
}

export interface ExecCapture {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

/** Runs a command to completion (exec probes, preStop), collecting output, bounded by a timeout. */
export async function execCapture(docker: Docker, id: string, cmd: string[], timeoutMs: number): Promise<ExecCapture> {
  const s = await execIn(docker, id, cmd);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  s.stdout.on('data', (d: Buffer) => out.push(d));
  s.stderr.on('data', (d: Buffer) => err.push(d));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((r) => { timer = setTimeout(() => r('timeout'), timeoutMs); });
  const code = await Promise.race([s.exitCode, timeout]).finally(() => clearTimeout(timer));
  const text = (b: Buffer[]) => Buffer.concat(b).toString('utf8');
  return code === 'timeout'
    ? { exitCode: -1, stdout: text(out), stderr: text(err), timedOut: true }
    : { exitCode: code, stdout: text(out), stderr: text(err), timedOut: false };
}

function endedStream(): Readable {
  const p = new PassThrough();
  p.end();
  return p;
}
