import type { FieldCause } from '@wake/events';
import type { Service, ServicePort } from '../wire';
import { clusterIPCause, ipNotInRange, nodePortCause, portNotInRange } from './allocation-errors';
import { ipInRange, portInRange, type AllocationRanges } from './ranges';

export type IPNeed =
  | { readonly type: 'none' }
  | { readonly type: 'keep'; readonly ip: string }
  | { readonly type: 'requested'; readonly ip: string }
  | { readonly type: 'dynamic' };

/** What one `spec.ports[index]` needs: its own allocation (`requested`/`dynamic`) or a number it shares. */
export type PortNeed =
  | { readonly index: number; readonly type: 'keep'; readonly port: number }
  | { readonly index: number; readonly type: 'requested'; readonly port: number }
  | { readonly index: number; readonly type: 'dynamic' }
  | { readonly index: number; readonly type: 'same-as'; readonly sameAs: number }; // another index's number (TCP+UDP on one port)

export interface AllocationPlan {
  readonly ip: IPNeed;
  readonly ports: readonly PortNeed[];
  /** Allocations `old` holds that `next` no longer uses: free them once `next` is stored. */
  readonly releaseIPs: readonly string[];
  readonly releasePorts: readonly number[];
  /** Requested values outside the ranges: the Service is invalid. */
  readonly causes: readonly FieldCause[];
}

const typeOf = (s: Service | undefined) => s?.spec?.type ?? 'ClusterIP';

export function needsClusterIP(s: Service | undefined): boolean {
  return !!s && typeOf(s) !== 'ExternalName' && s.spec?.clusterIP !== 'None';
}

export function needsNodePorts(s: Service | undefined): boolean {
  const t = typeOf(s);
  return t === 'NodePort' || (t === 'LoadBalancer' && s?.spec?.allocateLoadBalancerNodePorts !== false);
}

export function nodePortsOf(s: Service | undefined): number[] {
  return needsNodePorts(s) ? [...new Set((s?.spec?.ports ?? []).map((p) => p.nodePort ?? 0).filter((p) => p > 0))] : [];
}

/**
 * What a create (`old` undefined) or an update needs from the allocators, as the apiserver's Service
 * storage decides it: keep what the Service already holds, honour requested values, allocate the rest;
 * a headless or ExternalName Service gets no address; TCP and UDP ports with one port number share a
 * NodePort; an update frees what the new Service no longer uses.
 */
export function planAllocation(next: Service, old: Service | undefined, ranges: AllocationRanges): AllocationPlan {
  const causes: FieldCause[] = [];
  const ip = planIP(next, old, ranges, causes);
  const ports = needsNodePorts(next) ? planPorts(next, old, ranges, causes) : [];
  const oldIP = needsClusterIP(old) ? old?.spec?.clusterIP : undefined;
  const nextPorts = new Set(ports.map((p) => (p.type === 'keep' || p.type === 'requested' ? p.port : 0)));
  return {
    ip,
    ports,
    releaseIPs: oldIP && (ip.type !== 'keep' || ip.ip !== oldIP) ? [oldIP] : [],
    releasePorts: nodePortsOf(old).filter((p) => !nextPorts.has(p)),
    causes,
  };
}

function planIP(next: Service, old: Service | undefined, ranges: AllocationRanges, causes: FieldCause[]): IPNeed {
  if (!needsClusterIP(next)) return { type: 'none' };
  const oldIP = needsClusterIP(old) ? old?.spec?.clusterIP : undefined;
  const asked = next.spec?.clusterIP || next.spec?.clusterIPs?.[0] || '';
  if (oldIP && (!asked || asked === oldIP)) return { type: 'keep', ip: oldIP };
  if (!asked) return { type: 'dynamic' };
  if (!ipInRange(ranges.serviceIPs, asked)) causes.push(clusterIPCause(next.spec?.clusterIPs ?? [asked], asked, ipNotInRange(asked, ranges.serviceIPs)));
  return { type: 'requested', ip: asked };
}

function planPorts(next: Service, old: Service | undefined, ranges: AllocationRanges, causes: FieldCause[]): PortNeed[] {
  const oldPorts = needsNodePorts(old) ? old?.spec?.ports ?? [] : [];
  const held = new Set(nodePortsOf(old));
  const out: PortNeed[] = [];
  const byNumber = new Map<number, number>(); // nodePort → index that owns it
  const byServicePort = new Map<number, number>(); // service port → index allocating dynamically
  (next.spec?.ports ?? []).forEach((p, index) => {
    const wanted = p.nodePort || inherited(p, oldPorts);
    if (wanted) {
      const owner = byNumber.get(wanted);
      if (owner !== undefined) { out.push({ index, type: 'same-as', sameAs: owner }); return; }
      byNumber.set(wanted, index);
      if (held.has(wanted)) { out.push({ index, type: 'keep', port: wanted }); return; }
      if (!portInRange(ranges.nodePorts, wanted)) causes.push(nodePortCause(index, wanted, portNotInRange(ranges.nodePorts)));
      out.push({ index, type: 'requested', port: wanted });
      return;
    }
    const owner = byServicePort.get(p.port);
    if (owner !== undefined) { out.push({ index, type: 'same-as', sameAs: owner }); return; }
    byServicePort.set(p.port, index);
    out.push({ index, type: 'dynamic' });
  });
  return out;
}

/** An update that leaves nodePort out keeps the one the same port (by name and protocol) had. */
function inherited(p: ServicePort, oldPorts: readonly ServicePort[]): number {
  const proto = p.protocol ?? 'TCP';
  const match = oldPorts.find((o) => (o.name ?? '') === (p.name ?? '') && (o.protocol ?? 'TCP') === proto && o.nodePort)
    ?? oldPorts.find((o) => o.port === p.port && (o.protocol ?? 'TCP') === proto && o.nodePort);
  return match?.nodePort ?? 0;
}
