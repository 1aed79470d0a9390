import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import type Docker from 'dockerode';

/** What the agent reports about its host: read once at start (pressure is read per report). */
export interface HostFacts {
  readonly cpus: number;
  readonly memoryBytes: number;
  readonly os: string;
  readonly arch: string;
  readonly kernelVersion: string;
  readonly osImage: string;
  readonly containerRuntimeVersion: string;
  readonly machineID: string;
  readonly bootID: string;
  readonly hostname: string;
}

/** Pressure signals, read at each report (kubelet's eviction signals, simplified). */
export interface HostPressure {
  readonly memoryAvailableBytes: number;
  readonly diskAvailableFraction: number;
  readonly pidsAvailableFraction: number;
}

const GO_ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ia32: '386', ppc64: 'ppc64le', s390x: 's390x' };

const readTrim = (p: string) => { try { return readFileSync(p, 'utf8').trim(); } catch { return ''; } };

function osImage(): string {
  const rel = readTrim('/etc/os-release');
  return /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(rel)?.[1] ?? `${os.type()} ${os.release()}`;
}

export async function readHostFacts(docker: Docker): Promise<HostFacts> {
  const version = await docker.version().catch(() => ({ Version: 'unknown' }));
  return {
    cpus: os.cpus().length,
    memoryBytes: os.totalmem(),
    os: os.platform(),
    arch: GO_ARCH[os.arch()] ?? os.arch(),
    kernelVersion: os.release(),
    osImage: osImage(),
    containerRuntimeVersion: `docker://${version.Version}`,
    machineID: readTrim('/etc/machine-id'),
    bootID: readTrim('/proc/sys/kernel/random/boot_id'),
    hostname: os.hostname(),
  };
}

export async function readHostPressure(dataDir: string): Promise<HostPressure> {
  let disk = 1;
  try {
    const s = await fs.statfs(dataDir);
    disk = s.blocks > 0 ? s.bavail / s.blocks : 1;
  } catch { /* the folder may not exist yet */ }
  const pidMax = Number(readTrim('/proc/sys/kernel/pid_max')) || 0;
  const running = Number(/^(\d+)/.exec(readTrim('/proc/loadavg').split(' ')[3]?.split('/')[1] ?? '')?.[1]) || 0;
  return {
    memoryAvailableBytes: os.freemem(),
    diskAvailableFraction: disk,
    pidsAvailableFraction: pidMax ? 1 - running / pidMax : 1,
  };
}
