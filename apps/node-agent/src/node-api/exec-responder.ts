import type { Readable } from 'node:stream';
import { type Msg, type NatsConnection, type Subscription } from 'nats';
import type { V1Pod } from '@kubernetes/client-node';
import { EOF_HEADER, execSubject, type ExecExit, type ExecRequest, type ExecStarted, type TerminalSize } from '@wake/node-api';
import type { DockerRuntime } from '../runtime/docker-runtime';
import type { ExecSession } from '../runtime/exec';
import { byContainerName } from '../runtime/observed';
import { resolveTarget } from './pod-target';

const MAX_CHUNK = 64 * 1024;
const enc = new TextEncoder();

/**
 * The agent side of `kubectl exec` (libs/node-api): on a request to execSubject(node) for a pod
 * bound here, starts `docker exec` in the container's running instance, replies ExecStarted once
 * it listens for stdin/resize, streams stdout/stderr, and sends ExecExit after the output.
 */
export class ExecResponder {
  private sub?: Subscription;
  private readonly sessions = new Set<Subscription>();

  constructor(private readonly nc: NatsConnection, private readonly rt: DockerRuntime, private readonly podByName: (ns: string, name: string) => V1Pod | undefined, private readonly log?: (m: string) => void) {}

  start(): void {
    this.sub = this.nc.subscribe(execSubject(this.rt.nodeName), {
      callback: (err, msg) => {
        if (err) return;
        void this.serve(msg).catch((e: Error) => this.reply(msg, { ok: false, code: 'Internal', message: e.message }));
      },
    });
  }

  async stop(): Promise<void> {
    this.sub?.unsubscribe();
    for (const s of this.sessions) s.unsubscribe();
  }

  private reply(msg: Msg, r: ExecStarted): void {
    if (msg.reply) msg.respond(enc.encode(JSON.stringify(r)));
  }

  private async serve(msg: Msg): Promise<void> {
    let req: ExecRequest;
    try {
      req = JSON.parse(new TextDecoder().decode(msg.data)) as ExecRequest;
    } catch {
      return this.reply(msg, { ok: false, code: 'BadRequest', message: 'invalid exec request' });
    }
    if (!req.session || !Array.isArray(req.command) || (req.command.length === 0 && !req.attach)) {
      return this.reply(msg, { ok: false, code: 'BadRequest', message: 'you must specify at least one command for the container' });
    }
    const target = resolveTarget(req, this.podByName(req.namespace, req.pod), this.rt.nodeName);
    if (!target.ok) return this.reply(msg, target);
    const current = (byContainerName(await this.rt.podContainers(target.uid)).get(target.container) ?? []).find((c) => c.state.running);
    if (!current) {
      return this.reply(msg, { ok: false, code: 'BadRequest', message: `container ${target.container} is not running in pod ${req.pod}` });
    }
    if (req.attach) {
      // Attaching needs what the container was created with: stdin only if it keeps stdin open, a TTY only if it has one.
      const spec = target.pod.spec?.containers?.find((c) => c.name === target.container);
      if (req.stdin && !spec?.stdin) return this.reply(msg, { ok: false, code: 'BadRequest', message: `container ${target.container} was not created with stdin: true` });
      if (req.tty && !spec?.tty) return this.reply(msg, { ok: false, code: 'BadRequest', message: `container ${target.container} was not created with tty: true` });
    }
    const session = req.attach
      ? await this.rt.attach(current.id, { stdin: req.stdin, tty: req.tty })
      : await this.rt.exec(current.id, [...req.command], { stdin: req.stdin, tty: req.tty });
    const inputs = this.listen(req, session);
    this.reply(msg, { ok: true });
    await this.forward(req, session);
    for (const s of inputs) { s.unsubscribe(); this.sessions.delete(s); }
  }

  /** stdin bytes (Wake-Eof closes it) and terminal resizes from the gateway. */
  private listen(req: ExecRequest, session: ExecSession): Subscription[] {
    const subs: Subscription[] = [];
    if (req.stdin && session.stdin) {
      const stdin = session.stdin;
      subs.push(this.nc.subscribe(`${req.session}.stdin`, {
        callback: (_e, m) => {
          if (m.headers?.get(EOF_HEADER)) stdin.end();
          else if (m.data.length && !stdin.writableEnded) stdin.write(Buffer.from(m.data));
        },
      }));
    }
    subs.push(this.nc.subscribe(`${req.session}.resize`, {
      callback: (_e, m) => {
        try {
          const size = JSON.parse(new TextDecoder().decode(m.data)) as TerminalSize;
          if (size.width > 0 && size.height > 0) void session.resize(size.width, size.height).catch(() => undefined);
        } catch { /* ignore a malformed size */ }
      },
    }));
    for (const s of subs) this.sessions.add(s);
    return subs;
  }

  /** Output first, then the exit code: the gateway sees every byte before ExecExit. */
  private async forward(req: ExecRequest, session: ExecSession): Promise<void> {
    const pipe = (stream: Readable, subject: string, wanted: boolean) => new Promise<void>((resolve) => {
      stream.on('data', (chunk: Buffer) => {
        if (!wanted) return;
        for (let i = 0; i < chunk.length; i += MAX_CHUNK) this.nc.publish(subject, chunk.subarray(i, i + MAX_CHUNK));
      });
      stream.on('end', resolve);
      stream.on('close', resolve);
      stream.on('error', resolve);
    });
    let exit: ExecExit;
    try {
      const [code] = await Promise.all([session.exitCode, pipe(session.stdout, `${req.session}.stdout`, req.stdout), pipe(session.stderr, `${req.session}.stderr`, req.stderr)]);
      exit = { exitCode: code };
    } catch (e) {
      this.log?.(`exec in ${req.namespace}/${req.pod}: ${(e as Error).message}`);
      exit = { exitCode: 1, message: (e as Error).message };
    }
    this.nc.publish(`${req.session}.exit`, enc.encode(JSON.stringify(exit)));
  }
}
