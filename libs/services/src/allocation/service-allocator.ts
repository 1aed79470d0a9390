import { isWakeError, type KubeObject } from '@wake/events';
import { Informer, type SnapshotSource } from '@wake/runtime';
import type { Actor, ObjectStore } from '@wake/store';
import type { Service } from '../wire';
import { allocationInvalid, clusterIPCause, IP_ALLOCATED, nodePortCause, PORT_ALLOCATED, RangeFullError } from './allocation-errors';
import { ipAddressObject, nodePortObject, parentOfAllocation, parentRefOf, sameParent, type ParentRef } from './allocation-objects';
import { freeCandidates } from './pick-free';
import { nodePortsOf, needsClusterIP, planAllocation } from './plan-allocation';
import { dynamicIPAt, dynamicIPCount, rangesFromEnv, type AllocationRanges } from './ranges';
import { withAllocations } from './with-allocations';

export interface ServiceAllocatorOptions {
  readonly store: ObjectStore;
  readonly actor?: Actor;
  readonly ranges?: AllocationRanges;
  readonly random?: () => number;
  /** Where the informers take their initial list (the projection); default: read the log. */
  readonly source?: SnapshotSource;
}

export interface Allocation {
  /** The Service with spec.clusterIP(s) and nodePorts filled in: store this one. */
  readonly service: Service;
  /** Frees what this call allocated: call it when storing the Service fails. */
  rollback(): Promise<void>;
  /** Frees what an update replaced: call it once the updated Service is stored. */
  commit(): Promise<void>;
}

type Pool = { kind: 'IPAddress' | 'NodePortAllocation'; informer: Informer; held: Set<string> };

/**
 * Hands out ClusterIPs and NodePorts. Each allocated value is an object (IPAddress, NodePortAllocation)
 * created with expect 'absent' on its own subject, so the log itself makes it unique: two allocators,
 * in one process or many, can never hand one value to two Services. Informers over both kinds give the
 * view of what is taken (rebuilt from the log on start, so allocation survives restarts); the view only
 * steers the choice, the create-if-absent decides.
 */
export class ServiceAllocator {
  readonly ranges: AllocationRanges;
  /** Creates that lost to another holder (races and a stale view): for tests and metrics. */
  readonly stats = { claimed: 0, lostRaces: 0 };
  private readonly actor: Actor;
  private readonly random: () => number;
  private readonly ips: Pool;
  private readonly ports: Pool;

  private constructor(private readonly opts: ServiceAllocatorOptions) {
    this.ranges = opts.ranges ?? rangesFromEnv();
    this.actor = opts.actor ?? { type: 'component', name: 'service-allocator' };
    this.random = opts.random ?? Math.random;
    this.ips = pool('IPAddress', opts.store, opts.source);
    this.ports = pool('NodePortAllocation', opts.store, opts.source);
  }

  static async start(opts: ServiceAllocatorOptions): Promise<ServiceAllocator> {
    const a = new ServiceAllocator(opts);
    await Promise.all([a.ips.informer.start(), a.ports.informer.start()]);
    return a;
  }

  async stop(): Promise<void> {
    await Promise.all([this.ips.informer.stop(), this.ports.informer.stop()]);
  }

  /** Allocates what `next` needs (`old`: the stored Service on an update). Throws the apiserver's 422s. */
  async allocate(next: Service, old?: Service): Promise<Allocation> {
    const plan = planAllocation(next, old, this.ranges);
    const name = next.metadata?.name ?? '';
    if (plan.causes.length) throw allocationInvalid(name, plan.causes);
    const parent = parentRefOf(next);
    const made: Array<[Pool, string]> = [];
    const rollback = async () => { for (const [p, n] of made.splice(0)) await this.free(p, n, parent); };
    try {
      let ip: string | undefined;
      if (plan.ip.type === 'keep') ip = plan.ip.ip;
      if (plan.ip.type === 'requested') {
        if (!(await this.claim(this.ips, plan.ip.ip, ipAddressObject(plan.ip.ip, parent)))) {
          throw allocationInvalid(name, [clusterIPCause(next.spec?.clusterIPs ?? [plan.ip.ip], plan.ip.ip, IP_ALLOCATED)]);
        }
        ip = plan.ip.ip;
        made.push([this.ips, ip]);
      }
      if (plan.ip.type === 'dynamic') {
        ip = await this.claimAny(this.ips, dynamicIPCount(this.ranges.serviceIPs), (i) => dynamicIPAt(this.ranges.serviceIPs, i), (v) => ipAddressObject(v, parent), 'serviceIP');
        made.push([this.ips, ip]);
      }
      const numbers = new Map<number, number>();
      for (const need of plan.ports) {
        if (need.type === 'keep') numbers.set(need.index, need.port);
        else if (need.type === 'same-as') numbers.set(need.index, numbers.get(need.sameAs)!);
        else if (need.type === 'requested') {
          if (!(await this.claim(this.ports, String(need.port), nodePortObject(need.port, parent)))) {
            throw allocationInvalid(name, [nodePortCause(need.index, need.port, PORT_ALLOCATED)]);
          }
          made.push([this.ports, String(need.port)]);
          numbers.set(need.index, need.port);
        } else {
          const { min, max } = this.ranges.nodePorts;
          const port = await this.claimAny(this.ports, max - min + 1, (i) => String(min + i), (v) => nodePortObject(Number(v), parent), 'nodePort');
          made.push([this.ports, port]);
          numbers.set(need.index, Number(port));
        }
      }
      const service = withAllocations(next, ip, numbers);
      const commit = async () => {
        for (const v of plan.releaseIPs) await this.free(this.ips, v, parent);
        for (const v of plan.releasePorts) await this.free(this.ports, String(v), parent);
      };
      return { service, rollback, commit };
    } catch (e) {
      await rollback();
      throw e;
    }
  }

  /** Frees a deleted Service's ClusterIP and NodePorts (only allocations whose parent is this Service). */
  async release(svc: Service): Promise<void> {
    const parent = parentRefOf(svc);
    if (needsClusterIP(svc) && svc.spec?.clusterIP) await this.free(this.ips, svc.spec.clusterIP, parent);
    for (const p of nodePortsOf(svc)) await this.free(this.ports, String(p), parent);
  }

  /** Who holds an address or port, as this allocator's view of the log sees it. */
  ownerOfIP(ip: string): ParentRef | undefined {
    return parentOfAllocation(this.ips.informer.get('', ip));
  }

  ownerOfNodePort(port: number): ParentRef | undefined {
    return parentOfAllocation(this.ports.informer.get('', String(port)));
  }

  private async claimAny(p: Pool, size: number, valueAt: (i: number) => string, objectFor: (v: string) => KubeObject, what: 'serviceIP' | 'nodePort'): Promise<string> {
    const taken = (i: number) => { const v = valueAt(i); return p.held.has(v) || !!p.informer.get('', v); };
    for (const i of freeCandidates(size, taken, this.random)) {
      const v = valueAt(i);
      if (await this.claim(p, v, objectFor(v))) return v;
    }
    throw new RangeFullError(what);
  }

  /** Creates the allocation object if its subject is absent; false when another holder has it. */
  private async claim(p: Pool, value: string, obj: KubeObject): Promise<boolean> {
    try {
      await this.opts.store.create(obj, { actor: this.actor, intent: 'Allocated' });
      p.held.add(value);
      this.stats.claimed++;
      return true;
    } catch (e) {
      if (!isWakeError(e, 'AlreadyExists')) throw e;
      p.held.add(value);
      this.stats.lostRaces++;
      return false;
    }
  }

  private async free(p: Pool, value: string, parent: ParentRef): Promise<void> {
    const key = { kind: p.kind, namespace: '', name: value };
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = await this.opts.store.get(key);
      if (!current || !sameParent(parentOfAllocation(current), parent)) { if (!current) p.held.delete(value); return; }
      try {
        await this.opts.store.delete(key, { actor: this.actor, preconditions: { resourceVersion: current.metadata.resourceVersion } });
        p.held.delete(value);
        return;
      } catch (e) {
        if (isWakeError(e, 'NotFound')) { p.held.delete(value); return; }
        if (!isWakeError(e, 'Conflict')) throw e;
      }
    }
  }
}

function pool(kind: Pool['kind'], store: ObjectStore, source?: SnapshotSource): Pool {
  const held = new Set<string>();
  const informer = new Informer(store.log, { kind }, source);
  // A value freed by anyone is no longer known-held here; the informer's cache has the rest.
  informer.on((e) => { if (e.type === 'DELETED') held.delete(e.object.metadata.name); });
  return { kind, informer, held };
}
