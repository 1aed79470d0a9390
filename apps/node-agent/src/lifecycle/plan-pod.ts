import type { V1Container, V1Pod } from '@kubernetes/client-node';
import { byContainerName, type ObservedContainer } from '../runtime/observed';
import { SANDBOX_NAME } from '../runtime/labels';
import { containerSpecHash } from '../runtime/spec-hash';
import { initPolicy, isFinished, restartDecision, type RestartPolicy } from './restart';
import { currentProbeState, type PodProbeStates } from './probe-state';
import { pullBackoffSeconds } from './backoff';
import type { PodProblems } from './container-problem';

export type PodAction =
  | { readonly type: 'CreateSandbox'; readonly attempt: number }
  | { readonly type: 'StartContainer'; readonly kind: 'init' | 'app'; readonly name: string; readonly restartCount: number; readonly backoffSeconds: number }
  | { readonly type: 'StopContainer'; readonly name: string; readonly containerId: string; readonly reason: 'LivenessProbeFailed' | 'StartupProbeFailed' | 'SpecChanged' | 'SandboxChanged' }
  | { readonly type: 'RemoveContainer'; readonly name: string; readonly containerId: string }
  | { readonly type: 'KillPod'; readonly reason: 'Deleted' | 'NotBoundHere' };

export interface PlanOptions {
  /** This agent's node: a pod bound elsewhere is killed here. */
  readonly nodeName?: string;
  readonly probes?: PodProbeStates;
  readonly problems?: PodProblems;
}

export interface PodPlan {
  readonly actions: readonly PodAction[];
  /** When to reconcile again at the latest (end of a back-off). */
  readonly requeueAt?: Date;
}

/**
 * The agent's per-pod reconcile: (desired pod, its observed containers, now) → actions. It does
 * not branch on create vs update; running it again on the new observation continues the work.
 */
export function planPod(desired: V1Pod | undefined, observed: readonly ObservedContainer[], now: Date, opts: PlanOptions = {}): PodPlan {
  if (!desired || desired.metadata?.deletionTimestamp || (opts.nodeName && desired.spec?.nodeName !== opts.nodeName)) {
    return { actions: observed.length ? [{ type: 'KillPod', reason: desired && !desired.metadata?.deletionTimestamp ? 'NotBoundHere' : 'Deleted' }] : [] };
  }
  const policy = (desired.spec?.restartPolicy ?? 'Always') as RestartPolicy;
  const groups = byContainerName(observed);
  const sandboxes = groups.get(SANDBOX_NAME) ?? [];
  const actions: PodAction[] = [];
  const wakes: Date[] = [];
  const live = sandboxes.find((s) => s.state.running);
  for (const s of sandboxes) if (s !== live) actions.push({ type: 'RemoveContainer', name: SANDBOX_NAME, containerId: s.id });

  let sid = live?.id;
  if (!sid) {
    const ranBefore = observed.some((c) => c.kind === 'app');
    if (ranBefore && policy === 'Never') return { actions }; // a finished pod is not started again
    for (const c of observed) {
      if (c.kind !== 'sandbox' && c.state.running) actions.push({ type: 'StopContainer', name: c.name, containerId: c.id, reason: 'SandboxChanged' });
    }
    actions.push({ type: 'CreateSandbox', attempt: sandboxes.length ? sandboxes[0].restartCount + 1 : 0 });
    sid = ''; // the sandbox the executor just created: nothing observed belongs to it yet
  }
  const onSandbox = (name: string) => (groups.get(name) ?? []).filter((c) => c.sandboxId === sid);

  const step = (c: V1Container, kind: 'init' | 'app', p: RestartPolicy): 'done' | 'wait' | 'running' => {
    const all = groups.get(c.name) ?? [];
    const cur = onSandbox(c.name)[0];
    const start = (backoffSeconds: number) =>
      actions.push({ type: 'StartContainer', kind, name: c.name, restartCount: all.length ? all[0].restartCount + 1 : 0, backoffSeconds });
    if (!cur) {
      const problem = opts.problems?.[c.name];
      const retryAt = problem ? Date.parse(problem.at) + pullBackoffSeconds(problem.attempts) * 1000 : 0;
      if (problem && now.getTime() < retryAt) {
        wakes.push(new Date(retryAt));
        return 'wait';
      }
      start(all[0] && isFinished(all[0]) ? restartAfter(p, all[0], now) ?? 0 : 0);
      return 'wait';
    }
    if (!isFinished(cur)) {
      if (!cur.state.running) return 'wait';
      const reason = stopReason(c, cur, opts.probes);
      if (reason) actions.push({ type: 'StopContainer', name: c.name, containerId: cur.id, reason });
      return 'running';
    }
    if (kind === 'init' && cur.state.exitCode === 0) return 'done';
    const d = restartDecision(p, cur, now);
    if (d.type === 'RestartNow') {
      for (const old of all.filter((x) => x !== cur)) actions.push({ type: 'RemoveContainer', name: c.name, containerId: old.id });
      start(d.backoffSeconds);
    } else if (d.type === 'BackOff') wakes.push(d.until);
    return d.type === 'Keep' && kind === 'app' ? 'done' : 'wait';
  };

  const appsOnSandbox = (desired.spec?.containers ?? []).some((c) => onSandbox(c.name).length > 0);
  const initDone = appsOnSandbox || (desired.spec?.initContainers ?? []).every((c) => step(c, 'init', initPolicy(policy)) === 'done');
  if (initDone) for (const c of desired.spec?.containers ?? []) step(c, 'app', policy);

  const requeueAt = wakes.length ? new Date(Math.min(...wakes.map((w) => w.getTime()))) : undefined;
  return { actions, requeueAt };
}

/** Restart back-off label for a fresh start after a finished instance of an older sandbox. */
function restartAfter(p: RestartPolicy, last: ObservedContainer, now: Date): number | undefined {
  const d = restartDecision(p, last, now);
  return d.type === 'RestartNow' ? d.backoffSeconds : undefined;
}

function stopReason(c: V1Container, cur: ObservedContainer, probes: PodProbeStates | undefined) {
  if (cur.specHash && cur.specHash !== containerSpecHash(c)) return 'SpecChanged' as const;
  const states = probes?.[c.name];
  if (c.startupProbe && currentProbeState(states, 'startup', cur.id).result === 'Failure') return 'StartupProbeFailed' as const;
  if (c.livenessProbe && currentProbeState(states, 'liveness', cur.id).result === 'Failure') return 'LivenessProbeFailed' as const;
  return undefined;
}
