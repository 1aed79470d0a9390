import type { V1ContainerStatus, V1Pod, V1PodCondition, V1PodStatus } from '@kubernetes/client-node';
import { byContainerName, type ObservedContainer } from '../runtime/observed';
import { SANDBOX_NAME } from '../runtime/labels';
import { initPolicy, type RestartPolicy } from './restart';
import { containerStatus } from './container-status';
import type { PodProbeStates } from './probe-state';
import type { PodProblems } from './container-problem';

export interface PodStatusContext {
  /** The node's address. */
  readonly hostIP: string;
  readonly problems?: PodProblems;
}

/**
 * The pod's status from what Docker shows, the probe results and the agent's remembered
 * problems: phase, conditions, containerStatuses, podIP, hostIP, startTime. Pure; unchanged
 * conditions keep their lastTransitionTime from the pod's previous status.
 */
export function podStatus(pod: V1Pod, observed: readonly ObservedContainer[], probes: PodProbeStates, now: Date, ctx: PodStatusContext): V1PodStatus {
  const policy = (pod.spec?.restartPolicy ?? 'Always') as RestartPolicy;
  const groups = byContainerName(observed);
  const sandbox = (groups.get(SANDBOX_NAME) ?? []).find((s) => s.state.running);
  const current = (name: string) => (groups.get(name) ?? []).find((c) => sandbox && c.sandboxId === sandbox.id);
  const initSpecs = pod.spec?.initContainers ?? [];
  const appsStarted = (pod.spec?.containers ?? []).some((c) => current(c.name));

  const initStatuses = initSpecs.map((spec) =>
    containerStatus({ spec, instances: groups.get(spec.name) ?? [], current: current(spec.name), policy: initPolicy(policy), probes: probes[spec.name], problem: ctx.problems?.[spec.name], pendingReason: 'PodInitializing' }, now));
  const initDone = appsStarted || initStatuses.every((s) => s.state?.terminated?.exitCode === 0);
  const statuses = (pod.spec?.containers ?? []).map((spec) =>
    containerStatus({ spec, instances: groups.get(spec.name) ?? [], current: current(spec.name), policy, probes: probes[spec.name], problem: ctx.problems?.[spec.name], pendingReason: initDone ? 'ContainerCreating' : 'PodInitializing' }, now));
  const initFailed = !initDone && policy === 'Never' && initStatuses.some((s) => (s.state?.terminated?.exitCode ?? 0) !== 0);

  const phase = podPhase(policy, initDone, initFailed, statuses);
  const containersReady = statuses.length > 0 && statuses.every((s) => s.ready);
  const startTime = pod.status?.startTime ?? (sandbox?.state.startedAt ? new Date(sandbox.state.startedAt) : now);
  const cond = (type: string, ok: boolean, reason?: string): V1PodCondition => {
    const status = ok ? 'True' : 'False';
    const prev = pod.status?.conditions?.find((c) => c.type === type);
    const since = prev && prev.status === status && prev.lastTransitionTime ? new Date(prev.lastTransitionTime) : now;
    return { type, status, lastTransitionTime: since, ...(ok || !reason ? {} : { reason }) };
  };
  const done = phase === 'Succeeded' || phase === 'Failed';
  const notReadyReason = done ? 'PodCompleted' : 'ContainersNotReady';
  return {
    phase,
    conditions: [
      cond('PodScheduled', !!pod.spec?.nodeName),
      cond('Initialized', initDone, 'ContainersNotInitialized'),
      cond('ContainersReady', containersReady, notReadyReason),
      cond('Ready', containersReady, notReadyReason),
    ],
    hostIP: ctx.hostIP,
    hostIPs: [{ ip: ctx.hostIP }],
    podIP: sandbox?.ip ?? pod.status?.podIP,
    podIPs: sandbox?.ip ? [{ ip: sandbox.ip }] : pod.status?.podIPs,
    startTime,
    ...(initSpecs.length ? { initContainerStatuses: initStatuses } : {}),
    containerStatuses: statuses,
    qosClass: pod.status?.qosClass,
  };
}

/** Kubernetes' getPhase: waiting → Pending; any running → Running; all stopped → by policy. */
export function podPhase(policy: RestartPolicy, initDone: boolean, initFailed: boolean, statuses: readonly V1ContainerStatus[]): string {
  if (initFailed) return 'Failed';
  if (!initDone) return 'Pending';
  let running = 0, waiting = 0, stopped = 0, succeeded = 0;
  for (const s of statuses) {
    if (s.state?.running) running++;
    else if (s.state?.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.lastState?.terminated) stopped++;
    else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped === 0) return 'Pending';
  if (policy === 'Always') return 'Running';
  if (stopped === succeeded) return 'Succeeded';
  return policy === 'Never' ? 'Failed' : 'Running';
}
