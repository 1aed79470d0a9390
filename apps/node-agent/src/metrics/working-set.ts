/** The part of Docker's stats `memory_stats` the working set needs (cgroup v1 and v2). */
export interface DockerMemoryStats {
  readonly usage?: number;
  readonly stats?: Readonly<Record<string, number | undefined>>;
}

/**
 * The memory working set, as the kubelet (cAdvisor) reports it and `kubectl top` shows it:
 * usage minus inactive file pages (page cache the kernel can drop at once). cgroup v1 names the
 * hierarchical counter `total_inactive_file`; cgroup v2 has only `inactive_file`.
 * undefined when Docker reported no usage (a stopped container).
 */
export function workingSetBytes(m: DockerMemoryStats | undefined): number | undefined {
  if (!m || typeof m.usage !== 'number') return undefined;
  const inactive = m.stats?.total_inactive_file ?? m.stats?.inactive_file ?? 0;
  return Math.max(0, m.usage - inactive);
}
