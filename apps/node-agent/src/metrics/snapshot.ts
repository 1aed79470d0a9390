import type { ContainerUsage, MetricsSnapshot, PodUsage } from '@wake/node-api';
import { cpuNanoCores } from './cpu-rate';
import { nodeNanoCores, type ProcCpu } from './host-usage';
import { formatCpu, formatMemory } from './quantity-format';

/** One running app container, read once. */
export interface ContainerSample {
  readonly id: string;
  readonly podUid: string;
  readonly namespace: string;
  readonly pod: string;
  readonly container: string;
  /** Cumulative CPU time, ns. */
  readonly cpuUsageNanos: number;
  readonly memoryWorkingSetBytes: number;
  readonly atMs: number;
}

export interface HostSample {
  readonly cpu: ProcCpu;
  readonly memoryWorkingSetBytes: number;
}

/** Everything read in one collection round. */
export interface Round {
  readonly atMs: number;
  readonly containers: readonly ContainerSample[];
  readonly host?: HostSample;
}

/**
 * The snapshot two rounds make: CPU is a rate over the window between them (per container, by
 * Docker id, so a restarted container waits for its second sample), memory the latest working
 * set. Like metrics-server, a pod is left out until every running container of it has a rate.
 */
export function buildSnapshot(node: string, prev: Round | undefined, cur: Round): MetricsSnapshot {
  const base = { node, timestamp: new Date(cur.atMs).toISOString(), windowSeconds: prev ? (cur.atMs - prev.atMs) / 1000 : 0 };
  if (!prev) return { ...base, pods: [] };
  const before = new Map(prev.containers.map((c) => [c.id, c]));
  const byPod = new Map<string, ContainerSample[]>();
  for (const c of cur.containers) byPod.set(c.podUid, [...(byPod.get(c.podUid) ?? []), c]);
  const pods: PodUsage[] = [];
  for (const [uid, samples] of byPod) {
    const containers: ContainerUsage[] = [];
    for (const c of samples) {
      const p = before.get(c.id);
      const cpu = p && cpuNanoCores({ usageNanos: p.cpuUsageNanos, atMs: p.atMs }, { usageNanos: c.cpuUsageNanos, atMs: c.atMs });
      if (cpu === undefined) break;
      containers.push({ name: c.container, usage: { cpu: formatCpu(cpu), memory: formatMemory(c.memoryWorkingSetBytes) } });
    }
    if (containers.length !== samples.length) continue;
    containers.sort((a, b) => a.name.localeCompare(b.name));
    pods.push({ namespace: samples[0].namespace, name: samples[0].pod, uid, containers });
  }
  pods.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
  const nodeCpu = prev.host && cur.host ? nodeNanoCores(prev.host.cpu, cur.host.cpu) : undefined;
  const usage = nodeCpu !== undefined && cur.host ? { cpu: formatCpu(nodeCpu), memory: formatMemory(cur.host.memoryWorkingSetBytes) } : undefined;
  return { ...base, ...(usage ? { usage } : {}), pods };
}
