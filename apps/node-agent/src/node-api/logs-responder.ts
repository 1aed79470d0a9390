import type { Readable } from 'node:stream';
import { headers as natsHeaders, type NatsConnection, type Subscription } from 'nats';
import type { V1Pod } from '@kubernetes/client-node';
import { EOF_HEADER, ERROR_CODE_HEADER, ERROR_HEADER, logsSubject, type LogRequest } from '@wake/node-api';
import type { DockerRuntime } from '../runtime/docker-runtime';
import { byContainerName } from '../runtime/observed';
import { resolveTarget, type ErrorCode } from './pod-target';

/** Chunks stay well under NATS' max_payload. */
const MAX_CHUNK = 64 * 1024;

/**
 * The agent side of `kubectl logs` (libs/node-api): answers LogRequests on logsSubject(node) for
 * pods bound to this node, streaming raw bytes to replyTo and ending with Wake-Eof or Wake-Error.
 * A follow stream ends when the container stops or the gateway publishes to `${replyTo}.cancel`.
 */
export class LogsResponder {
  private sub?: Subscription;
  private readonly open = new Set<Readable>();

  constructor(private readonly nc: NatsConnection, private readonly rt: DockerRuntime, private readonly podByName: (ns: string, name: string) => V1Pod | undefined, private readonly log?: (m: string) => void) {}

  start(): void {
    this.sub = this.nc.subscribe(logsSubject(this.rt.nodeName), {
      callback: (err, msg) => {
        if (err) return;
        let req: LogRequest;
        try {
          req = JSON.parse(new TextDecoder().decode(msg.data)) as LogRequest;
        } catch {
          return; // no replyTo to answer to
        }
        if (!req?.replyTo) return;
        void this.serve(req).catch((e: Error) => this.fail(req.replyTo, 'Internal', e.message));
      },
    });
  }

  async stop(): Promise<void> {
    this.sub?.unsubscribe();
    for (const s of this.open) s.destroy();
  }

  private fail(replyTo: string, code: ErrorCode, message: string): void {
    const h = natsHeaders();
    h.set(ERROR_HEADER, message.replace(/[\r\n]+/g, ' '));
    h.set(ERROR_CODE_HEADER, code);
    this.nc.publish(replyTo, new Uint8Array(0), { headers: h });
  }

  private eof(replyTo: string): void {
    const h = natsHeaders();
    h.set(EOF_HEADER, '1');
    this.nc.publish(replyTo, new Uint8Array(0), { headers: h });
  }

  private async serve(req: LogRequest): Promise<void> {
    const target = resolveTarget(req, this.podByName(req.namespace, req.pod), this.rt.nodeName, { includeInit: true });
    if (!target.ok) return this.fail(req.replyTo, target.code, target.message);
    const instances = byContainerName(await this.rt.podContainers(target.uid)).get(target.container) ?? [];
    if (req.previous && !instances[1]) {
      return this.fail(req.replyTo, 'BadRequest', `previous terminated container "${target.container}" in pod "${req.pod}" not found`);
    }
    if (!instances[0]) {
      return this.fail(req.replyTo, 'BadRequest', `container "${target.container}" in pod "${req.pod}" is waiting to start: ContainerCreating`);
    }
    const stream = await this.rt.podLogs(target.uid, target.container, {
      follow: req.follow && !req.previous, tailLines: req.tailLines, sinceSeconds: req.sinceSeconds, sinceTime: req.sinceTime,
      timestamps: req.timestamps, previous: req.previous,
    });
    if (!stream) return this.fail(req.replyTo, 'NotFound', `container "${target.container}" not found`);
    await this.pump(req, stream);
  }

  private pump(req: LogRequest, stream: Readable): Promise<void> {
    this.open.add(stream);
    const cancel = this.nc.subscribe(`${req.replyTo}.cancel`, { max: 1, callback: () => stream.destroy() });
    let left = req.limitBytes && req.limitBytes > 0 ? req.limitBytes : Infinity;
    return new Promise<void>((resolve) => {
      let finished = false;
      const finish = (error?: Error) => {
        if (finished) return;
        finished = true;
        this.open.delete(stream);
        cancel.unsubscribe();
        if (error && !stream.destroyed) this.fail(req.replyTo, 'Internal', error.message);
        else this.eof(req.replyTo);
        resolve();
      };
      stream.on('data', (chunk: Buffer | string) => {
        let buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
        if (buf.length > left) buf = buf.subarray(0, left);
        left -= buf.length;
        for (let i = 0; i < buf.length; i += MAX_CHUNK) this.nc.publish(req.replyTo, buf.subarray(i, i + MAX_CHUNK));
        if (left <= 0) stream.destroy();
      });
      stream.on('end', () => finish());
      stream.on('close', () => finish());
      stream.on('error', (e) => { this.log?.(`logs ${req.namespace}/${req.pod}: ${e.message}`); finish(); });
    });
  }
}
