import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, WAKE_HOME, type Component } from './components';

const runDir = path.join(WAKE_HOME, 'run');
const logDir = path.join(WAKE_HOME, 'logs');
const pidFile = (name: string) => path.join(runDir, `${name}.pid`);
export const logFile = (name: string) => path.join(logDir, `${name}.log`);

export function runningPid(name: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(pidFile(name), 'utf8'));
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

/** Starts a component in the background (its own process group), logging to .wake/logs. */
export function startComponent(c: Component, baseEnv: NodeJS.ProcessEnv): number {
  fs.mkdirSync(runDir, { recursive: true });
  fs.mkdirSync(logDir, { recursive: true });
  const out = fs.openSync(logFile(c.name), 'a');
  const child = spawn(process.execPath, ['-r', path.join(ROOT, 'scripts/register.js'), path.join(ROOT, c.main)], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...baseEnv, ...c.env, WAKE_HOME },
  });
  child.unref();
  fs.writeFileSync(pidFile(c.name), String(child.pid));
  return child.pid!;
}

/** Stops a component: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopComponent(name: string, graceMs = 10_000): Promise<boolean> {
  const pid = runningPid(name);
  if (!pid) return false;
  process.kill(-pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    try { process.kill(pid, 0); } catch { break; }
    await new Promise((r) => setTimeout(r, 100));
  }
  try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
  fs.rmSync(pidFile(name), { force: true });
  return true;
}
