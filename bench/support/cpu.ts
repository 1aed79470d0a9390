import fs from 'node:fs';

/** Linux USER_HZ: /proc reports CPU time in these ticks. */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) of a process from /proc, in microseconds; undefined if it is gone or unreadable. */
export function processCpuMicros(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: utime and stime are fields 14 and 15, counted after the ")" that ends the name.
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1e6) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** CPU time of this process and, when its pid is known, of a server, to split a cost per operation. */
export class CpuMeter {
  constructor(private readonly serverPid?: number) {}

  sample(): { node: number; server?: number } {
    const u = process.cpuUsage();
    return { node: u.user + u.system, server: this.serverPid ? processCpuMicros(this.serverPid) : undefined };
  }

  /** Microseconds of CPU per operation spent in this process and in the server since `from`. */
  perOp(from: { node: number; server?: number }, ops: number): { nodeMicros: number; serverMicros?: number } {
    const to = this.sample();
    return {
      nodeMicros: (to.node - from.node) / ops,
      serverMicros: to.server !== undefined && from.server !== undefined ? (to.server - from.server) / ops : undefined,
    };
  }
}
