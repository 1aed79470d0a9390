import type { V1Container, V1ContainerState, V1ContainerStatus } from '@kubernetes/client-node';
import type { ObservedContainer } from '../runtime/observed';
import { isFinished, restartDecision, type RestartPolicy } from './restart';
import { currentProbeState, isStarted, type ContainerProbeStates } from './probe-state';
import { pullBackoffSeconds } from './backoff';
import type { ContainerProblem } from './container-problem';

export interface ContainerView {
  readonly spec: V1Container;
  /** Instances of this container, newest first. */
  readonly instances: readonly ObservedContainer[];
  /** The instance on the pod's live sandbox, if any. */
  readonly current?: ObservedContainer;
  readonly policy: RestartPolicy;
  readonly probes?: ContainerProbeStates;
  readonly problem?: ContainerProblem;
  /** Reason while not yet created: ContainerCreating or PodInitializing. */
  readonly pendingReason: string;
}

const date = (s: string | undefined) => (s ? new Date(s) : undefined);

/** Exit reasons as the kubelet reports them. */
export function exitReason(c: ObservedContainer): string {
  if (c.state.oomKilled) return 'OOMKilled';
  if (c.state.status === 'created' && c.state.error) return 'ContainerCannotRun';
  return c.state.exitCode === 0 ? 'Completed' : 'Error';
}

export function terminatedState(c: ObservedContainer): V1ContainerState {
  return {
    terminated: {
      exitCode: c.state.exitCode,
      reason: exitReason(c),
      message: c.state.error,
      startedAt: date(c.state.startedAt),
      finishedAt: date(c.state.finishedAt),
      containerID: `docker://${c.id}`,
      signal: c.state.exitCode > 128 && c.state.exitCode < 160 ? c.state.exitCode - 128 : undefined,
    },
  };
}

/** One entry of containerStatuses / initContainerStatuses. */
export function containerStatus(v: ContainerView, now: Date): V1ContainerStatus {
  const cur = v.current ?? v.instances[0];
  const previous = cur ? v.instances.find((i) => i !== cur && isFinished(i) && i.restartCount < cur.restartCount) : undefined;
  const base = { name: v.spec.name, image: v.spec.image ?? '', imageID: cur ? `docker://${cur.imageID}` : '', restartCount: cur?.restartCount ?? 0 };
  const withId = cur ? { containerID: `docker://${cur.id}` } : {};
  const lastState: V1ContainerState = previous ? terminatedState(previous) : {};

  if (v.problem && (!v.current || isFinished(v.current))) {
    const inBackoff = now.getTime() < Date.parse(v.problem.at) + pullBackoffSeconds(v.problem.attempts) * 1000;
    const reason = v.problem.reason === 'ErrImagePull' && inBackoff && v.problem.attempts > 1 ? 'ImagePullBackOff' : v.problem.reason;
    const message = reason === 'ImagePullBackOff' ? `Back-off pulling image "${v.spec.image}": ${v.problem.message}` : v.problem.message;
    return { ...base, ...withId, state: { waiting: { reason, message } }, lastState: cur && isFinished(cur) ? terminatedState(cur) : lastState, ready: false, started: false };
  }
  if (!v.current) {
    return { ...base, state: { waiting: { reason: v.pendingReason } }, lastState: cur && isFinished(cur) ? terminatedState(cur) : lastState, ready: false, started: false };
  }
  const c = v.current;
  if (c.state.running) {
    const started = isStarted(v.spec, v.probes, c.id);
    const ready = started && (!v.spec.readinessProbe || currentProbeState(v.probes, 'readiness', c.id).result === 'Success');
    return { ...base, ...withId, state: { running: { startedAt: date(c.state.startedAt) } }, lastState, ready, started };
  }
  if (!isFinished(c)) return { ...base, ...withId, state: { waiting: { reason: 'ContainerCreating' } }, lastState, ready: false, started: false };
  const d = restartDecision(v.policy, c, now);
  if (d.type === 'BackOff') {
    const message = `back-off ${d.delaySeconds}s restarting failed container=${v.spec.name} pod=${c.podName}_${c.podNamespace}(${c.podUid})`;
    return { ...base, ...withId, state: { waiting: { reason: 'CrashLoopBackOff', message } }, lastState: terminatedState(c), ready: false, started: false };
  }
  return { ...base, ...withId, state: terminatedState(c), lastState, ready: false, started: false };
}
