import type { V1Pod } from '@kubernetes/client-node';
import { byContainerName, type ObservedContainer } from '../runtime/observed';
import { SANDBOX_NAME } from '../runtime/labels';
import { runHandler, type ExecRunner } from '../lifecycle/probe-executors';
import {
  currentProbeState, dueProbes, isStarted, nextProbeAt, probeOf, probeSettings, recordProbe,
  type ContainerProbeStates, type PodProbeStates, type ProbeKind,
} from '../lifecycle/probe-state';

export interface ProbePass {
  readonly probes: PodProbeStates;
  /** When the next probe of this pod is due (undefined: none scheduled). */
  readonly nextAt?: Date;
}

/** The running instance of each spec container on the pod's live sandbox. */
function currentInstances(observed: readonly ObservedContainer[]): Map<string, ObservedContainer> {
  const groups = byContainerName(observed);
  const sandbox = (groups.get(SANDBOX_NAME) ?? []).find((s) => s.state.running);
  const out = new Map<string, ObservedContainer>();
  if (!sandbox) return out;
  for (const [name, list] of groups) {
    const cur = list.find((c) => c.sandboxId === sandbox.id && c.state.running);
    if (cur) out.set(name, cur);
  }
  return out;
}

/**
 * Runs the probes that are due now for the pod's running containers (exec through Docker,
 * httpGet/tcpSocket to the pod's IP), folds the outcomes into the probe states, and says when
 * the next one is due. States of instances that are gone are dropped.
 */
export async function runDueProbes(pod: V1Pod, observed: readonly ObservedContainer[], prev: PodProbeStates, runner: ExecRunner, now: Date): Promise<ProbePass> {
  const running = currentInstances(observed);
  const podIP = observed.find((c) => c.kind === 'sandbox' && c.state.running)?.ip ?? '127.0.0.1';
  const next: Record<string, ContainerProbeStates> = {};
  let nextAt: number | undefined;
  await Promise.all((pod.spec?.containers ?? []).map(async (c) => {
    const cur = running.get(c.name);
    if (!cur) return;
    const startedAt = new Date(cur.state.startedAt ?? cur.createdAt);
    const states: Partial<Record<ProbeKind, ReturnType<typeof currentProbeState>>> = {};
    for (const k of ['startup', 'liveness', 'readiness'] as const) if (probeOf(c, k)) states[k] = currentProbeState(prev[c.name], k, cur.id);
    const due = dueProbes(c, prev[c.name], cur.id, startedAt, now);
    await Promise.all(due.map(async (k) => {
      const p = probeOf(c, k)!;
      const timeoutMs = probeSettings(k, p).timeoutSeconds * 1000;
      const outcome = await runHandler(p, { containerId: cur.id, container: c, podIP }, runner, timeoutMs)
        .catch((e: Error) => ({ result: 'Failure' as const, message: e.message }));
      states[k] = recordProbe(p, states[k]!, outcome, new Date());
    }));
    next[c.name] = states;
    const active: ProbeKind[] = isStarted(c, states, cur.id) ? ['liveness', 'readiness'] : ['startup'];
    for (const k of active) {
      const p = probeOf(c, k);
      if (!p) continue;
      const at = nextProbeAt(k, p, states[k] ?? currentProbeState(undefined, k, cur.id), startedAt).getTime();
      nextAt = nextAt === undefined ? at : Math.min(nextAt, at);
    }
  }));
  return { probes: next, nextAt: nextAt === undefined ? undefined : new Date(nextAt) };
}
