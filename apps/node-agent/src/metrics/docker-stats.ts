import type Docker from 'dockerode';
import { LABEL } from '../runtime/labels';
import { workingSetBytes, type DockerMemoryStats } from './working-set';
import type { ContainerSample } from './snapshot';

/**
 * At most this many stats requests to Docker at once. Each waits for the engine's next collection
 * tick (once a second, shared by all requests), so a batch costs about a second, whatever its size.
 */
const PARALLEL = 16;

interface DockerStats {
  readonly read?: string;
  readonly cpu_stats?: { readonly cpu_usage?: { readonly total_usage?: number } };
  readonly memory_stats?: DockerMemoryStats;
}

/**
 * Reads the running app containers of this node's pods (not the sandboxes, not finished init
 * containers) from Docker: one `stats` each, one-shot (no second sample inside Docker; the rate
 * comes from the collector's previous round). A container that vanished meanwhile is skipped.
 */
export async function readContainerSamples(docker: Docker, nodeName: string): Promise<ContainerSample[]> {
  const list = await docker.listContainers({ filters: { label: [`${LABEL.node}=${nodeName}`, `${LABEL.kind}=app`], status: ['running'] } });
  const out: ContainerSample[] = [];
  for (let i = 0; i < list.length; i += PARALLEL) {
    const batch = await Promise.all(list.slice(i, i + PARALLEL).map((c) => sampleOf(docker, c)));
    for (const s of batch) if (s) out.push(s);
  }
  return out;
}

async function sampleOf(docker: Docker, c: Docker.ContainerInfo): Promise<ContainerSample | undefined> {
  const l = c.Labels ?? {};
  let stats: DockerStats;
  try {
    stats = (await docker.getContainer(c.Id).stats({ stream: false, 'one-shot': true })) as unknown as DockerStats;
  } catch {
    return undefined;
  }
  const cpu = stats.cpu_stats?.cpu_usage?.total_usage;
  const memory = workingSetBytes(stats.memory_stats);
  if (typeof cpu !== 'number' || memory === undefined) return undefined;
  const read = Date.parse(stats.read ?? '');
  return {
    id: c.Id, podUid: l[LABEL.podUid] ?? '', namespace: l[LABEL.podNamespace] ?? 'default', pod: l[LABEL.podName] ?? '',
    container: l[LABEL.container] ?? '', cpuUsageNanos: cpu, memoryWorkingSetBytes: memory,
    // Docker's own read time (zero when the container stopped meanwhile): the rate's clock.
    atMs: Number.isFinite(read) && read > 0 ? read : Date.now(),
  };
}
