import type { V1Container, V1Probe } from '@kubernetes/client-node';
import type { ProbeOutcome } from './probe-executors';

export type ProbeKind = 'startup' | 'liveness' | 'readiness';
export type ProbeResult = 'Unknown' | 'Success' | 'Failure';

/** One probe of one container instance (a new instance starts from the initial state). */
export interface ProbeState {
  readonly kind: ProbeKind;
  readonly containerId: string;
  readonly result: ProbeResult;
  readonly successes: number;
  readonly failures: number;
  readonly lastRunAt?: string;
  readonly message?: string;
}

export type ContainerProbeStates = Partial<Record<ProbeKind, ProbeState>>;
/** Probe states of a pod, by container name. */
export type PodProbeStates = Readonly<Record<string, ContainerProbeStates>>;

export interface ProbeSettings {
  readonly initialDelaySeconds: number;
  readonly periodSeconds: number;
  readonly timeoutSeconds: number;
  readonly successThreshold: number;
  readonly failureThreshold: number;
}

/** Kubernetes' defaults; liveness and startup require successThreshold 1. */
export function probeSettings(kind: ProbeKind, p: V1Probe): ProbeSettings {
  return {
    initialDelaySeconds: p.initialDelaySeconds ?? 0,
    periodSeconds: p.periodSeconds ?? 10,
    timeoutSeconds: p.timeoutSeconds ?? 1,
    successThreshold: kind === 'readiness' ? p.successThreshold ?? 1 : 1,
    failureThreshold: p.failureThreshold ?? 3,
  };
}

export function probeOf(c: V1Container, kind: ProbeKind): V1Probe | undefined {
  return kind === 'startup' ? c.startupProbe : kind === 'liveness' ? c.livenessProbe : c.readinessProbe;
}

/** Before any result: live (until proven dead), not ready, not started. */
export function initialProbeState(kind: ProbeKind, containerId: string): ProbeState {
  const result: ProbeResult = kind === 'liveness' ? 'Success' : kind === 'readiness' ? 'Failure' : 'Unknown';
  return { kind, containerId, result, successes: 0, failures: 0 };
}

/** The state for this instance: a state recorded for another instance does not carry over. */
export function currentProbeState(states: ContainerProbeStates | undefined, kind: ProbeKind, containerId: string): ProbeState {
  const s = states?.[kind];
  return s && s.containerId === containerId ? s : initialProbeState(kind, containerId);
}

/** Whether the startup probe (if any) has succeeded: until then the other probes do not run. */
export function isStarted(c: V1Container, states: ContainerProbeStates | undefined, containerId: string): boolean {
  return !c.startupProbe || currentProbeState(states, 'startup', containerId).result === 'Success';
}

/** The probes to run now for a running instance, in order: startup gates liveness and readiness. */
export function dueProbes(c: V1Container, states: ContainerProbeStates | undefined, containerId: string, startedAt: Date, now: Date): ProbeKind[] {
  const kinds: ProbeKind[] = isStarted(c, states, containerId) ? ['liveness', 'readiness'] : ['startup'];
  return kinds.filter((k) => {
    const p = probeOf(c, k);
    return p !== undefined && now.getTime() >= nextProbeAt(k, p, currentProbeState(states, k, containerId), startedAt).getTime();
  });
}

export function nextProbeAt(kind: ProbeKind, p: V1Probe, s: ProbeState, startedAt: Date): Date {
  const set = probeSettings(kind, p);
  const first = startedAt.getTime() + set.initialDelaySeconds * 1000;
  return new Date(s.lastRunAt ? Math.max(first, Date.parse(s.lastRunAt) + set.periodSeconds * 1000) : first);
}

/** Folds one attempt's outcome in: the result flips after success/failure thresholds are met. */
export function recordProbe(p: V1Probe, s: ProbeState, outcome: ProbeOutcome, now: Date): ProbeState {
  const set = probeSettings(s.kind, p);
  const ok = outcome.result === 'Success';
  const successes = ok ? s.successes + 1 : 0;
  const failures = ok ? 0 : s.failures + 1;
  let result = s.result;
  if (ok && successes >= set.successThreshold) result = 'Success';
  if (!ok && failures >= set.failureThreshold) result = 'Failure';
  if (s.kind === 'startup' && s.result === 'Success') result = 'Success'; // started stays started
  return { ...s, result, successes, failures, lastRunAt: now.toISOString(), message: ok ? undefined : outcome.message };
}
