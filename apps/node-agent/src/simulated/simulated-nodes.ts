import { isWakeError, type KubeObject } from '@wake/events';
import type { ObjectStore } from '@wake/store';
import type { SimulatedNodesConfig } from './config';
import { NODE_LEASE_NAMESPACE, nodeLease, readyCondition, renewed, simulatedNode } from './objects';

interface Conditioned { status?: { conditions?: Array<{ type: string; status: string }> } }

/**
 * Registers the SIMULATED Node objects and keeps their Leases renewed, each write with the
 * node's own identity (Actor {type:'node'}), so the store's NodeRestriction applies as for a
 * real agent. A node can be paused (stops renewing, as if it died) and resumed.
 */
export class SimulatedNodes {
  readonly names: string[];
  private readonly leases = new Map<string, KubeObject>();
  private readonly paused = new Set<string>();
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(private readonly store: ObjectStore, private readonly config: SimulatedNodesConfig, private readonly now: () => Date = () => new Date()) {
    this.names = Array.from({ length: config.nodes }, (_, i) => `${config.prefix}${i}`);
  }

  isAlive(node: string): boolean {
    return this.leases.has(node) && !this.paused.has(node);
  }

  async register(): Promise<void> {
    await this.ensureLeaseNamespace();
    for (let i = 0; i < this.names.length; i += 16) await Promise.all(this.names.slice(i, i + 16).map((n) => this.registerOne(n)));
    this.schedule();
  }

  /** Stops renewing this node's lease (the node "dies"). */
  pause(node: string): void {
    this.paused.add(node);
  }

  /** The node comes back: renews its lease and reports Ready=True at once. */
  async resume(node: string): Promise<void> {
    this.paused.delete(node);
    await this.heartbeat(node);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(async () => {
      for (const n of this.names) if (!this.paused.has(n)) await this.heartbeat(n).catch(() => undefined);
      this.schedule();
    }, this.config.renewIntervalMs);
  }

  private async registerOne(name: string): Promise<void> {
    const actor = { type: 'node' as const, node: name };
    const wanted = simulatedNode(name, this.now(), this.config.taint);
    let node = await this.store.get({ kind: 'Node', namespace: '', name });
    if (!node) node = await this.store.create(wanted, { actor, intent: 'Registered' });
    else await this.reportReady(node);
    const existing = await this.store.get({ kind: 'Lease', namespace: NODE_LEASE_NAMESPACE, name });
    const wantedLease = nodeLease(node, this.config.leaseDurationSeconds, this.now());
    const lease = existing
      ? await this.store.update({ ...wantedLease, metadata: { ...wantedLease.metadata, resourceVersion: existing.metadata.resourceVersion } }, { actor, intent: 'Renewed' })
      : await this.store.create(wantedLease, { actor, intent: 'Acquired' });
    this.leases.set(name, lease);
  }

  private async heartbeat(name: string): Promise<void> {
    const actor = { type: 'node' as const, node: name };
    const lease = this.leases.get(name);
    if (!lease) return;
    try {
      this.leases.set(name, await this.store.update(renewed(lease, this.now()), { actor, intent: 'Renewed' }));
    } catch (e) {
      if (!isWakeError(e, 'Conflict')) throw e;
      const current = await this.store.get({ kind: 'Lease', namespace: NODE_LEASE_NAMESPACE, name });
      if (current) this.leases.set(name, await this.store.update(renewed(current, this.now()), { actor, intent: 'Renewed' }));
    }
    const node = await this.store.get({ kind: 'Node', namespace: '', name });
    if (node) await this.reportReady(node);
  }

  /** Reports Ready=True again if the node lifecycle controller marked the node Unknown. */
  private async reportReady(node: KubeObject): Promise<void> {
    const conditions = (node as KubeObject & Conditioned).status?.conditions ?? [];
    if (conditions.some((c) => c.type === 'Ready' && c.status === 'True')) return;
    const fresh = (simulatedNode(node.metadata.name, this.now(), this.config.taint).status as { conditions: unknown[] }).conditions;
    const status = { ...(node.status as object), conditions: [readyCondition(this.now()), ...fresh.slice(1)] };
    await this.store.update({ ...node, status }, { actor: { type: 'node', node: node.metadata.name }, subresource: 'status', intent: 'StatusReported' });
  }

  private async ensureLeaseNamespace(): Promise<void> {
    if (await this.store.get({ kind: 'Namespace', namespace: '', name: NODE_LEASE_NAMESPACE })) return;
    try {
      await this.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NODE_LEASE_NAMESPACE } }, { actor: { type: 'component', name: 'simulated-node-agent' } });
    } catch (e) {
      if (!isWakeError(e, 'AlreadyExists')) throw e;
    }
  }
}
