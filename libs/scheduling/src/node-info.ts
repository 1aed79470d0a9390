import type { V1Node, V1Taint } from '@kubernetes/client-node';
import type { Labels } from './label-selector';
import type { HostPort, PodInfo } from './pod-info';
import { addResources, emptyResources, parseResourceList, Resources } from './resources';

/**
 * What the scheduler knows about one node: the Node object (parsed once) and the pods bound
 * to it, running or not, with their requests, host ports and affinity aggregated.
 * Mutated only by ClusterSnapshot; plugins read it.
 */
export class NodeInfo {
  node: V1Node | undefined;
  labels: Labels = {};
  allocatable: Resources = emptyResources();
  taints: readonly V1Taint[] = [];
  unschedulable = false;
  /** Ready condition status ('True' | 'False' | 'Unknown'), 'Unknown' when absent. */
  ready = 'Unknown';
  networkUnavailable = false;

  readonly pods = new Map<string, PodInfo>();
  /** Sum of bound pods' requests (what NodeResourcesFit subtracts from allocatable). */
  readonly requested: Resources = emptyResources();
  /** Sum of bound pods' cpu/memory with the scheduler's defaults for missing requests (scoring). */
  nonZeroMilliCpu = 0;
  nonZeroMemory = 0;
  /** `protocol/port` → host IP → how many pods use it. */
  readonly usedPorts = new Map<string, Map<string, number>>();
  podsWithAffinity = 0;
  podsWithRequiredAntiAffinity = 0;
  /** Bumped on every change, so callers can cache per-node results. */
  generation = 0;

  constructor(readonly name: string) {}

  setNode(node: V1Node | undefined): void {
    this.node = node;
    this.generation++;
    if (!node) return;
    this.labels = node.metadata?.labels ?? {};
    this.allocatable = parseResourceList(node.status?.allocatable ?? node.status?.capacity);
    this.taints = node.spec?.taints ?? [];
    this.unschedulable = node.spec?.unschedulable === true;
    const conditions = node.status?.conditions ?? [];
    this.ready = conditions.find((c) => c.type === 'Ready')?.status ?? 'Unknown';
    this.networkUnavailable = conditions.some((c) => c.type === 'NetworkUnavailable' && c.status === 'True');
  }

  get podCount(): number {
    return this.pods.size;
  }

  addPod(p: PodInfo): void {
    this.pods.set(p.key, p);
    this.update(p, 1);
  }

  removePod(p: PodInfo): boolean {
    if (!this.pods.delete(p.key)) return false;
    this.update(p, -1);
    return true;
  }

  /** Would `port` conflict with a host port already used on this node? (0.0.0.0 overlaps every IP.) */
  portConflicts(port: HostPort): boolean {
    const ips = this.usedPorts.get(`${port.protocol}/${port.port}`);
    if (!ips || ips.size === 0) return false;
    if (port.ip === '0.0.0.0') return true;
    return ips.has(port.ip) || ips.has('0.0.0.0');
  }

  private update(p: PodInfo, sign: 1 | -1): void {
    addResources(this.requested, p.requests, sign);
    this.nonZeroMilliCpu += sign * p.nonZeroMilliCpu;
    this.nonZeroMemory += sign * p.nonZeroMemory;
    for (const hp of p.hostPorts) {
      const key = `${hp.protocol}/${hp.port}`;
      let ips = this.usedPorts.get(key);
      if (!ips) this.usedPorts.set(key, (ips = new Map()));
      const n = (ips.get(hp.ip) ?? 0) + sign;
      if (n > 0) ips.set(hp.ip, n);
      else ips.delete(hp.ip);
      if (ips.size === 0) this.usedPorts.delete(key);
    }
    if (p.requiredAffinity.length + p.preferredAffinity.length + p.requiredAntiAffinity.length + p.preferredAntiAffinity.length > 0) this.podsWithAffinity += sign;
    if (p.requiredAntiAffinity.length > 0) this.podsWithRequiredAntiAffinity += sign;
    this.generation++;
  }
}
