import type { EventLog, EventWatch } from '@wake/events';
import { isRemoval, objectAt } from '@wake/events';

export interface Milestones {
  /** ms after the Deployment was created */
  podsCreated?: number;
  podsBound?: number;
  podsReady?: number;
  deploymentAvailable?: number;
  events: number;
  byType: Record<string, number>;
}

type Pod = { spec?: { nodeName?: string }; status?: { conditions?: Array<{ type: string; status: string }> }; metadata: { labels?: Record<string, string>; deletionTimestamp?: string } };

/**
 * Follows the log from a sequence and timestamps the rollout's milestones as the events
 * arrive: every pod created, bound, reported ready; the Deployment's status showing every
 * replica available (what `kubectl rollout status` waits for).
 */
export class RolloutClock {
  readonly m: Milestones = { events: 0, byType: {} };
  private readonly created = new Set<string>();
  private readonly bound = new Set<string>();
  private readonly ready = new Set<string>();
  private loop?: Promise<void>;
  private w?: EventWatch;
  private done?: () => void;
  readonly finished = new Promise<void>((r) => { this.done = r; });

  constructor(private readonly replicas: number, private readonly app: string, private readonly t0: () => number) {}

  async start(log: EventLog, afterSeq: number): Promise<void> {
    this.w = await log.watch({ afterSeq });
    this.loop = (async () => {
      for await (const e of this.w!) {
        this.m.events++;
        this.m.byType[e.type] = (this.m.byType[e.type] ?? 0) + 1;
        const at = Date.now() - this.t0();
        if (e.kind === 'Pod' && !isRemoval(e)) {
          const pod = objectAt(e) as unknown as Pod;
          if (pod.metadata.labels?.app !== this.app || pod.metadata.deletionTimestamp) continue;
          this.created.add(e.name);
          if (pod.spec?.nodeName) this.bound.add(e.name);
          if ((pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')) this.ready.add(e.name);
          if (this.m.podsCreated === undefined && this.created.size >= this.replicas) this.m.podsCreated = at;
          if (this.m.podsBound === undefined && this.bound.size >= this.replicas) this.m.podsBound = at;
          if (this.m.podsReady === undefined && this.ready.size >= this.replicas) this.m.podsReady = at;
        } else if (e.kind === 'Deployment' && e.name === this.app && !isRemoval(e)) {
          const status = (e.object as { status?: { availableReplicas?: number; updatedReplicas?: number } }).status;
          if (this.m.deploymentAvailable === undefined && status?.availableReplicas === this.replicas && status.updatedReplicas === this.replicas) {
            this.m.deploymentAvailable = at;
            this.done!();
          }
        }
      }
    })();
  }

  async stop(): Promise<void> {
    await this.w?.close();
    await this.loop;
  }
}
