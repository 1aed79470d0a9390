import type { EventLog, EventWatch, KubeObject } from '@wake/events';
import { isRemoval, objectAt } from '@wake/events';
import { isReady, isTerminating, type Pod } from './fixtures';

/**
 * Watches pods on the log and, after every event, counts the Deployment's pods that are not
 * terminating (for maxSurge) and those that are ready (for maxUnavailable; minReadySeconds 0).
 */
export class RolloutWatcher {
  minAvailable = Infinity;
  maxPods = 0;
  events = 0;
  private readonly pods = new Map<string, KubeObject>();
  private loop?: Promise<void>;

  private constructor(private readonly w: EventWatch, private readonly labels: Record<string, string>) {}

  static async start(log: EventLog, namespace: string, labels: Record<string, string>): Promise<RolloutWatcher> {
    const w = await log.watch({ afterSeq: 0, filter: { kind: 'Pod', namespace } });
    const watcher = new RolloutWatcher(w, labels);
    // Fold history up to now without measuring, then measure every later event.
    const from = await log.lastSeq();
    watcher.loop = (async () => {
      for await (const e of w) {
        if (isRemoval(e)) watcher.pods.delete(e.name);
        else watcher.pods.set(e.name, objectAt(e));
        if (e.seq > from) watcher.measure();
      }
    })();
    return watcher;
  }

  private measure(): void {
    const mine = [...this.pods.values()].filter((p) => Object.entries(this.labels).every(([k, v]) => p.metadata.labels?.[k] === v) && !isTerminating(p));
    this.events++;
    this.maxPods = Math.max(this.maxPods, mine.length);
    this.minAvailable = Math.min(this.minAvailable, mine.filter((p) => isReady(p as Pod)).length);
  }

  async stop(): Promise<void> {
    await this.w.close();
    await this.loop;
  }
}
