import type { KubeObject } from '@wake/events';
import { refOf, type Action, type AnyObject } from '@wake/reconcilers';
import { serviceKey, type Service } from '../wire';
import { ipAddressObject, nodePortObject, parentOfAllocation, parentRefOf, sameParent, type ParentRef } from './allocation-objects';
import { needsClusterIP, nodePortsOf } from './plan-allocation';
import { ipInRange, portInRange, type AllocationRanges } from './ranges';

export interface RepairObserved {
  readonly services: readonly Service[];
  readonly ipAddresses: readonly KubeObject[];
  readonly nodePorts: readonly KubeObject[];
  /** What Services just removed held (from their DELETED events): freed at once, without the grace period. */
  readonly removed?: readonly RemovedServiceValues[];
}

/** The allocations a removed Service held, as its last stored object showed them. */
export interface RemovedServiceValues {
  readonly parent: ParentRef;
  readonly clusterIP?: string;
  readonly nodePorts: readonly number[];
}

export function removedServiceValues(svc: Service): RemovedServiceValues {
  return { parent: parentRefOf(svc), clusterIP: needsClusterIP(svc) ? svc.spec?.clusterIP : undefined, nodePorts: nodePortsOf(svc) };
}

export interface RepairEnv {
  readonly ranges: AllocationRanges;
  readonly now: Date;
  /** An allocation younger than this may belong to a Service still being created (default 60 s). */
  readonly graceSeconds?: number;
}

/**
 * The allocators' repair loop (Kubernetes' RepairIPAddress / port repair), pure: frees allocations
 * whose Service is gone or no longer uses the value (a crash between allocating and storing the
 * Service, or between deleting it and releasing), re-creates the allocation of a stored Service that
 * lacks one, and warns about a value two Services claim or one outside the range.
 */
export function repairAllocations(o: RepairObserved, env: RepairEnv): Action[] {
  const grace = (env.graceSeconds ?? 60) * 1000;
  const services = new Map(o.services.map((s) => [serviceKey(s), s]));
  const old = (x: KubeObject) => Date.parse(x.metadata.creationTimestamp ?? '') + grace <= env.now.getTime();
  const actions: Action[] = [];
  // No grace for a value its removed Service held: the allocation still names that Service, so no
  // Service being created can have been handed the value meanwhile.
  const removedHeld = (x: KubeObject, held: (r: RemovedServiceValues) => boolean) =>
    (o.removed ?? []).some((r) => held(r) && sameParent(parentOfAllocation(x), r.parent));
  const holds = (x: KubeObject, uses: (s: Service) => boolean) => {
    const parent = parentOfAllocation(x);
    const svc = parent ? services.get(`${parent.namespace}/${parent.name}`) : undefined;
    return !!svc && uses(svc);
  };
  for (const x of o.ipAddresses) {
    if (!holds(x, (s) => needsClusterIP(s) && s.spec?.clusterIP === x.metadata.name) && (old(x) || removedHeld(x, (r) => r.clusterIP === x.metadata.name))) actions.push(remove(x));
  }
  for (const x of o.nodePorts) {
    if (!holds(x, (s) => nodePortsOf(s).includes(Number(x.metadata.name))) && (old(x) || removedHeld(x, (r) => r.nodePorts.includes(Number(x.metadata.name))))) actions.push(remove(x));
  }
  const ips = new Map(o.ipAddresses.map((x) => [x.metadata.name, x]));
  const ports = new Map(o.nodePorts.map((x) => [x.metadata.name, x]));
  for (const svc of o.services) {
    const parent = parentRefOf(svc);
    const ip = needsClusterIP(svc) ? svc.spec?.clusterIP : undefined;
    if (ip) {
      const held = ips.get(ip);
      if (!ipInRange(env.ranges.serviceIPs, ip)) actions.push(warn(svc, 'ClusterIPOutOfRange', `Cluster IP ${ip} is not within the configured Service CIDR ${env.ranges.serviceIPs.text}; please recreate service`));
      else if (!held) actions.push({ type: 'create', object: ipAddressObject(ip, parent) as AnyObject, intent: 'Allocated' });
      else if (!sameParent(parentOfAllocation(held), parent)) actions.push(warn(svc, 'ClusterIPAlreadyAllocated', `Cluster IP ${ip} was assigned to multiple services; please recreate service`));
    }
    for (const port of nodePortsOf(svc)) {
      const held = ports.get(String(port));
      if (!portInRange(env.ranges.nodePorts, port)) actions.push(warn(svc, 'PortOutOfRange', `Port ${port} is not within the port range ${env.ranges.nodePorts.text}; please recreate service`));
      else if (!held) actions.push({ type: 'create', object: nodePortObject(port, parent) as AnyObject, intent: 'Allocated' });
      else if (!sameParent(parentOfAllocation(held), parent)) actions.push(warn(svc, 'PortAlreadyAllocated', `Port ${port} was assigned to multiple services; please recreate service`));
    }
  }
  return actions;
}

function remove(x: KubeObject): Action {
  return { type: 'delete', key: refOf(x as AnyObject), expectSeq: x.metadata.resourceVersion, intent: 'Released' };
}

function warn(svc: Service, reason: string, message: string): Action {
  return { type: 'event', eventType: 'Warning', reason, message, involvedObject: refOf(svc as AnyObject, { apiVersion: 'v1', kind: 'Service' }) };
}
