import { WakeError, type KubeObject } from '@wake/events';
import type { ObjectStore } from '@wake/store';
import type { Actor } from '@wake/store';
import { desiredNode, nodeFingerprint, type NodeSettings } from './node-object';
import { renewedLease, NODE_LEASE_NAMESPACE } from './lease-object';
import { readHostPressure, type HostFacts, type HostPressure } from './host-facts';

export interface HeartbeatOptions extends NodeSettings {
  readonly dataDir: string;
  readonly leaseRenewSeconds: number;
  readonly leaseDurationSeconds: number;
  readonly statusReportSeconds: number;
  readonly now?: () => Date;
  readonly pressure?: () => Promise<HostPressure>;
  readonly log?: (message: string) => void;
}

/**
 * Registration and heartbeat: the Node object (created, then written when its status changed or
 * every statusReportSeconds) and the node's Lease (renewed every leaseRenewSeconds). Every write
 * goes through the ObjectStore as the node actor, so NodeRestriction applies.
 */
export class Heartbeat {
  private readonly actor: Actor;
  private timer?: NodeJS.Timeout;
  private lastStatusAt = 0;
  private stopped = false;
  private node?: KubeObject;
  private lease?: KubeObject;

  constructor(private readonly store: ObjectStore, private readonly facts: HostFacts, private readonly o: HeartbeatOptions) {
    this.actor = { type: 'node', node: o.nodeName };
  }

  private now(): Date {
    return this.o.now?.() ?? new Date();
  }

  /** Registers the Node and takes the Lease; resolves once both are written. */
  async start(): Promise<void> {
    await this.reportNode(true);
    await this.renewLease();
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), this.o.leaseRenewSeconds * 1000);
    this.timer.unref?.();
  }

  private async tick(): Promise<void> {
    try {
      await this.renewLease();
      await this.reportNode(false);
    } catch (e) {
      this.o.log?.(`heartbeat failed: ${(e as Error).message}`);
      this.node = undefined; // re-read before the next write
      this.lease = undefined;
    } finally {
      this.schedule();
    }
  }

  /** Writes the Node when it changed (ignoring heartbeat times), or when the report interval is over. */
  async reportNode(force: boolean): Promise<void> {
    const key = { kind: 'Node', namespace: '', name: this.o.nodeName };
    const now = this.now();
    const current = this.node ?? (await this.store.get(key));
    const pressure = await (this.o.pressure?.() ?? readHostPressure(this.o.dataDir));
    const next = desiredNode(current, this.facts, this.o, pressure, now);
    const due = now.getTime() - this.lastStatusAt >= this.o.statusReportSeconds * 1000;
    if (current && !force && !due && nodeFingerprint(next) === nodeFingerprint(current)) return;
    if (!current) {
      this.node = await this.store.create(next, { actor: this.actor, intent: 'Registered' });
    } else {
      const { resourceVersion: _rv, ...metadata } = next.metadata;
      const input = { ...next, metadata: metadata as KubeObject['metadata'] };
      const labelsChanged = JSON.stringify(current.metadata.labels) !== JSON.stringify(next.metadata.labels)
        || JSON.stringify(current.metadata.annotations) !== JSON.stringify(next.metadata.annotations);
      // Status and metadata are separate writes (as the kubelet's status patch leaves spec alone).
      if (labelsChanged) await this.store.update({ ...input, status: current.status }, { actor: this.actor, intent: 'Updated' });
      this.node = await this.store.update(input, { actor: this.actor, subresource: 'status', intent: 'StatusReported' });
    }
    this.lastStatusAt = now.getTime();
  }

  async renewLease(): Promise<void> {
    const key = { kind: 'Lease', namespace: NODE_LEASE_NAMESPACE, name: this.o.nodeName };
    const current = this.lease ?? (await this.store.get(key));
    const next = renewedLease(current, this.o.nodeName, this.o.leaseDurationSeconds, this.now(), this.node?.metadata.uid);
    try {
      this.lease = current
        ? await this.store.update(next, { actor: this.actor, intent: 'Renewed' })
        : await this.store.create(next, { actor: this.actor, intent: 'Acquired' });
    } catch (e) {
      if (e instanceof WakeError && e.code === 'NotFound' && !current) {
        this.o.log?.(`cannot create Lease: ${e.message} (is namespace ${NODE_LEASE_NAMESPACE} created?)`);
        return;
      }
      throw e;
    }
  }
}
