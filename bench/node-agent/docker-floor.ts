import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { removeContainersSequentially } from '../../apps/node-agent/src/test/remove-containers';

const run = promisify(execFile);

/**
 * The floor: what starting the containers directly costs on the same engine, with the same
 * images and settings the agent uses (--init, no restart policy), through the docker CLI.
 */
export async function dockerRunOnce(label: string, image = 'wake/busybox:1'): Promise<number> {
  const t0 = performance.now();
  await run('docker', ['run', '-d', '--init', '--label', label, image, 'sleep', '3600']);
  return performance.now() - t0;
}

/** A pod's containers started directly: the sandbox, then the app container joined to its network. */
export async function dockerRunPod(label: string): Promise<number> {
  const t0 = performance.now();
  const { stdout } = await run('docker', ['run', '-d', '--init', '--label', label, '--label', 'wake.kind=sandbox', 'wake/pause:1']);
  await run('docker', ['run', '-d', '--init', '--label', label, '--network', `container:${stdout.trim()}`, 'wake/busybox:1', 'sleep', '3600']);
  return performance.now() - t0;
}

/** One at a time, apps before sandboxes (see removeContainersSequentially: Docker 20.10 can deadlock on bulk removal). */
export async function removeLabelled(label: string): Promise<void> {
  await removeContainersSequentially(label);
}
