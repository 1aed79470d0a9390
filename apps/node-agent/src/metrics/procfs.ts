import { promises as fs } from 'node:fs';
import { nodeWorkingSetBytes, parseProcStat } from './host-usage';
import type { HostSample } from './snapshot';

/** Reads the host's /proc/stat and /proc/meminfo; undefined where there is no procfs. */
export async function readHostSample(): Promise<HostSample | undefined> {
  try {
    const [stat, meminfo] = await Promise.all([fs.readFile('/proc/stat', 'utf8'), fs.readFile('/proc/meminfo', 'utf8')]);
    const cpu = parseProcStat(stat);
    const memoryWorkingSetBytes = nodeWorkingSetBytes(meminfo);
    return cpu && memoryWorkingSetBytes !== undefined ? { cpu, memoryWorkingSetBytes } : undefined;
  } catch {
    return undefined;
  }
}
