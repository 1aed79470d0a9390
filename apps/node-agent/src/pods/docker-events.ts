import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { LABEL } from '../runtime/labels';

/**
 * Follows Docker's event stream for this node's containers (label wake.node) and reports the pod
 * uid of each container that started, died or was OOM-killed: the agent's PLEG. Reconnects from
 * the last event's time if the stream ends; the periodic resync covers anything missed.
 */
export class DockerEvents {
  private stream?: Readable;
  private stopped = false;
  private since = Math.floor(Date.now() / 1000);
  private retry?: NodeJS.Timeout;

  constructor(private readonly docker: Docker, private readonly nodeName: string, private readonly onPod: (uid: string) => void, private readonly log?: (m: string) => void) {}

  async start(): Promise<void> {
    const stream = (await this.docker.getEvents({
      since: this.since,
      filters: { type: ['container'], label: [`${LABEL.node}=${this.nodeName}`], event: ['start', 'die', 'oom', 'destroy'] },
    })) as unknown as Readable;
    this.stream = stream;
    let pending = '';
    stream.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl).trim();
        pending = pending.slice(nl + 1);
        if (line) this.handle(line);
      }
    });
    const reconnect = () => {
      if (this.stopped || this.stream !== stream) return;
      this.stream = undefined;
      this.retry = setTimeout(() => void this.start().catch((e: Error) => { this.log?.(`docker events: ${e.message}`); reconnect(); }), 1000);
    };
    stream.on('end', reconnect);
    stream.on('error', reconnect);
  }

  private handle(line: string): void {
    try {
      const e = JSON.parse(line) as { time?: number; Actor?: { Attributes?: Record<string, string> } };
      if (e.time) this.since = e.time;
      const uid = e.Actor?.Attributes?.[LABEL.podUid];
      if (uid) this.onPod(uid);
    } catch { /* a partial or foreign line */ }
  }

  stop(): void {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.stream?.destroy();
  }
}
