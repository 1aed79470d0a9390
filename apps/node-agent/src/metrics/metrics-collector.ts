import type Docker from 'dockerode';
import type { MetricsSnapshot } from '@wake/node-api';
import { readContainerSamples } from './docker-stats';
import { readHostSample } from './procfs';
import { buildSnapshot, type Round } from './snapshot';

export interface CollectorOptions {
  readonly nodeName: string;
  /** Seconds between rounds (the metrics' window). */
  readonly intervalSeconds: number;
  readonly log?: (m: string) => void;
}

/**
 * Samples the node's pod containers (Docker stats) and the host (procfs) every interval and keeps
 * the snapshot of the last two rounds in memory: what the metrics responder answers. Nothing is
 * written anywhere. Rounds start every interval (so the window is the interval) and never overlap:
 * a round that overruns delays the next.
 */
export class MetricsCollector {
  private prev?: Round;
  private current?: MetricsSnapshot;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private failing = false;

  constructor(private readonly docker: Docker, private readonly opts: CollectorOptions) {}

  /** The latest snapshot (no rates until the second round). */
  get snapshot(): MetricsSnapshot {
    return this.current ?? { node: this.opts.nodeName, timestamp: new Date().toISOString(), windowSeconds: 0, pods: [] };
  }

  start(): void {
    void this.tick();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** One round: read, build the snapshot against the previous round. Exposed for tests. */
  async collect(): Promise<MetricsSnapshot> {
    const [containers, host] = await Promise.all([readContainerSamples(this.docker, this.opts.nodeName), readHostSample()]);
    // The round's time is when its reads are done (Docker answers at its next collection tick).
    const round: Round = { atMs: Date.now(), containers, host };
    this.current = buildSnapshot(this.opts.nodeName, this.prev, round);
    this.prev = round;
    return this.current;
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    const started = Date.now();
    try {
      await this.collect();
      this.failing = false;
    } catch (e) {
      if (!this.failing) this.opts.log?.(`metrics: could not read container stats: ${(e as Error).message}`);
      this.failing = true;
    }
    const wait = Math.max(0, started + this.opts.intervalSeconds * 1000 - Date.now());
    if (!this.stopped) this.timer = setTimeout(() => void this.tick(), wait);
  }
}
