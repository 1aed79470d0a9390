import { execFileSync } from 'node:child_process';
import os from 'node:os';

export interface MachineInfo {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly loadAverage: number[];
  readonly node: string;
  readonly platform: string;
  readonly natsServer: string;
  readonly postgres?: string;
  readonly commit?: string;
}

function run(cmd: string, args: string[]): string | undefined {
  try {
    return execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return undefined;
  }
}

export function machineInfo(postgres?: string): MachineInfo {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    natsServer: run('nats-server', ['--version']) ?? 'unknown',
    postgres,
    commit: run('git', ['rev-parse', '--short', 'HEAD']),
  };
}
