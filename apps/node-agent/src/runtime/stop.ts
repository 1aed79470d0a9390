import type Docker from 'dockerode';
import type { V1Container } from '@kubernetes/client-node';
import { runHandler, type ExecRunner, type ProbeOutcome } from '../lifecycle/probe-executors';

export interface StopOptions {
  readonly gracePeriodSeconds: number;
  /** The spec container, when known: its preStop hook runs first. */
  readonly container?: V1Container;
  readonly podIP?: string;
}

export interface StopResult {
  readonly preStop?: ProbeOutcome;
  readonly elapsedMs: number;
}

/** Kubernetes gives a preStop hook that overran the grace period 2 more seconds before the kill. */
const MIN_AFTER_PRESTOP_S = 2;

/**
 * Graceful termination: preStop (exec or httpGet) within the grace period, then the container's
 * stop signal (SIGTERM, delivered by the Init process), then SIGKILL when the rest of the grace
 * period is over. A container already stopped or gone is not an error.
 */
export async function gracefulStop(docker: Docker, runner: ExecRunner, id: string, opts: StopOptions): Promise<StopResult> {
  const started = Date.now();
  const graceMs = Math.max(0, opts.gracePeriodSeconds) * 1000;
  let preStop: ProbeOutcome | undefined;
  const hook = opts.container?.lifecycle?.preStop;
  if (hook && graceMs > 0) {
    preStop = await runHandler(hook, { containerId: id, container: opts.container!, podIP: opts.podIP ?? '127.0.0.1' }, runner, graceMs).catch(
      (e: Error) => ({ result: 'Failure' as const, message: e.message }),
    );
  }
  const left = Math.ceil((graceMs - (Date.now() - started)) / 1000);
  const t = hook && graceMs > 0 ? Math.max(left, MIN_AFTER_PRESTOP_S) : Math.max(left, 0);
  try {
    await docker.getContainer(id).stop({ t });
  } catch (err) {
    const code = (err as { statusCode?: number }).statusCode;
    if (code !== 304 && code !== 404) throw err;
  }
  return { preStop, elapsedMs: Date.now() - started };
}
