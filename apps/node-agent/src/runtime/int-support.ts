import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Docker from 'dockerode';
import type { V1Pod, V1PodStatus } from '@kubernetes/client-node';
import { DockerRuntime } from './docker-runtime';
import { removeContainersSequentially } from '../test/remove-containers';
import { applyPlan } from './apply-plan';
import type { EnvLookups } from './env';
import { planPod } from '../lifecycle/plan-pod';
import { podStatus } from '../lifecycle/pod-status';
import type { PodProblems } from '../lifecycle/container-problem';
import type { PodProbeStates } from '../lifecycle/probe-state';

/** Shared by the Docker integration specs: images, a labelled runtime, a reconcile loop, cleanup. */
export const TEST_LABEL = 'wake.test';

export function buildImages(): void {
  execFileSync('bash', [join(__dirname, '../../../../scripts/build-images.sh')], { stdio: 'ignore' });
}

export function testRuntime(nodeAddress = '127.0.0.2') {
  const run = `int-${randomUUID().slice(0, 8)}`;
  const rt = new DockerRuntime({ nodeName: run, nodeAddress, dataDir: mkdtempSync(join(tmpdir(), 'wake-agent-')), extraLabels: { [TEST_LABEL]: run } });
  return { rt, run };
}

/** Removes every container labelled with this run (one at a time: see remove-containers.ts), and the runtime's data folder. */
export async function cleanup(run: string, rt?: DockerRuntime, docker = new Docker()): Promise<void> {
  await removeContainersSequentially(`${TEST_LABEL}=${run}`, docker);
  if (rt) rmSync(rt.options.dataDir, { recursive: true, force: true });
}

export const noLookups: Omit<EnvLookups, 'podIP' | 'hostIP'> = { configMap: () => undefined, secret: () => undefined };

export function testPod(name: string, spec: Partial<NonNullable<V1Pod['spec']>>, nodeName: string): V1Pod {
  return {
    metadata: { name, namespace: 'default', uid: randomUUID() },
    spec: { nodeName, containers: [], terminationGracePeriodSeconds: 5, ...spec },
  };
}

/** One agent pass for a pod: observe, plan, apply; returns the status after it. */
export async function reconcile(rt: DockerRuntime, pod: V1Pod, state: { problems?: PodProblems; probes?: PodProbeStates } = {}, lookups = noLookups): Promise<V1PodStatus> {
  const observed = await rt.podContainers(pod.metadata!.uid!);
  const plan = planPod(pod, observed, new Date(), { nodeName: rt.nodeName, problems: state.problems, probes: state.probes });
  const r = await applyPlan(rt, pod, plan, observed, { lookups, problems: state.problems });
  state.problems = r.problems;
  return podStatus(pod, await rt.podContainers(pod.metadata!.uid!), state.probes ?? {}, new Date(), { hostIP: rt.options.nodeAddress, problems: r.problems });
}

/** Reconciles until `done(status)` holds, or fails after `timeoutMs`. */
export async function reconcileUntil(rt: DockerRuntime, pod: V1Pod, done: (s: V1PodStatus) => boolean, timeoutMs = 20000, state: { problems?: PodProblems; probes?: PodProbeStates } = {}, lookups = noLookups): Promise<V1PodStatus> {
  const deadline = Date.now() + timeoutMs;
  let status = await reconcile(rt, pod, state, lookups);
  while (!done(status)) {
    if (Date.now() > deadline) throw new Error(`timed out; last status ${JSON.stringify(status, null, 1)}`);
    await new Promise((r) => setTimeout(r, 200));
    status = await reconcile(rt, pod, state, lookups);
  }
  return status;
}

export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
