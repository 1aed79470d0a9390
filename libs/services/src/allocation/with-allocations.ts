import type { Service } from '../wire';

/** The Service with its allocated ClusterIP (and clusterIPs) and NodePorts written in. Pure. */
export function withAllocations(svc: Service, ip: string | undefined, nodePorts: ReadonlyMap<number, number>): Service {
  const spec = { ...(svc.spec ?? {}) };
  if (ip) { spec.clusterIP = ip; spec.clusterIPs = [ip]; }
  if (spec.ports) spec.ports = spec.ports.map((p, i) => (nodePorts.has(i) ? { ...p, nodePort: nodePorts.get(i) } : p));
  return { ...svc, spec };
}
