/** One reading of a cumulative CPU counter: nanoseconds of CPU time used so far, and when it was read. */
export interface CpuReading {
  readonly usageNanos: number;
  readonly atMs: number;
}

/**
 * CPU usage between two readings of the same counter, in nanocores (1 core = 1e9 ns of CPU
 * time per second), as cAdvisor and metrics-server compute it. undefined when no rate can be
 * told: no time passed, or the counter went backwards (a different container, a reset).
 */
export function cpuNanoCores(prev: CpuReading, cur: CpuReading): number | undefined {
  const seconds = (cur.atMs - prev.atMs) / 1000;
  const used = cur.usageNanos - prev.usageNanos;
  if (!(seconds > 0) || !(used >= 0)) return undefined;
  return Math.round(used / seconds);
}
