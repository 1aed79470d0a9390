/**
 * The node's own usage from procfs, as metrics-server reports a node (its root cgroup: the whole
 * machine, system daemons included — not only the pods).
 */

/** The aggregate `cpu` line of /proc/stat: jiffies spent busy and in total, and the number of CPUs. */
export interface ProcCpu {
  readonly busy: number;
  readonly total: number;
  readonly cpus: number;
}

/** Parses /proc/stat. `cpu user nice system idle iowait irq softirq steal guest guest_nice`; guest time is already in user. */
export function parseProcStat(text: string): ProcCpu | undefined {
  const line = /^cpu\s+(.*)$/m.exec(text)?.[1];
  if (!line) return undefined;
  const f = line.trim().split(/\s+/).map(Number);
  if (f.length < 4 || f.some((x) => !Number.isFinite(x))) return undefined;
  const [user, nice, system, idle, iowait = 0, irq = 0, softirq = 0, steal = 0] = f;
  const total = user + nice + system + idle + iowait + irq + softirq + steal;
  const cpus = (text.match(/^cpu\d+\s/gm) ?? []).length || 1;
  return { busy: total - idle - iowait, total, cpus };
}

/** Node CPU in nanocores between two /proc/stat readings: the busy share of the elapsed jiffies, times the CPUs. */
export function nodeNanoCores(prev: ProcCpu, cur: ProcCpu): number | undefined {
  const total = cur.total - prev.total;
  const busy = cur.busy - prev.busy;
  if (!(total > 0) || busy < 0) return undefined;
  return Math.round((busy / total) * cur.cpus * 1e9);
}

/**
 * The node's memory working set from /proc/meminfo: what is in use (MemTotal − MemFree, page
 * cache included, like the root cgroup's usage) minus inactive file pages, in bytes.
 */
export function nodeWorkingSetBytes(meminfo: string): number | undefined {
  const kb = (name: string) => {
    const m = new RegExp(`^${name.replace(/[()]/g, '\\$&')}:\\s+(\\d+)\\s*kB`, 'm').exec(meminfo);
    return m ? Number(m[1]) * 1024 : undefined;
  };
  const total = kb('MemTotal');
  const free = kb('MemFree');
  if (total === undefined || free === undefined) return undefined;
  return Math.max(0, total - free - (kb('Inactive(file)') ?? 0));
}
