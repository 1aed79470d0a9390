import type { V1Pod } from '@kubernetes/client-node';
import type { PodAction, PodPlan } from '../lifecycle/plan-pod';
import type { ContainerProblem, PodProblems } from '../lifecycle/container-problem';
import type { DockerRuntime } from './docker-runtime';
import type { ObservedContainer } from './observed';
import { SANDBOX_NAME } from './labels';
import { PAUSE_IMAGE } from './container-config';
import { resolveEnv, type EnvLookups } from './env';
import { containerBinds, podVolumes } from './volumes';
import { prepareVolumes } from './volume-setup';
import { writePodResolvConf } from './resolv-conf-file';
import type { PullPolicy } from './image';

export interface ApplyContext {
  readonly lookups: Omit<EnvLookups, 'podIP' | 'hostIP'>;
  /** Problems remembered from earlier attempts (for attempt counts). */
  readonly problems?: PodProblems;
  readonly now?: () => Date;
}

export interface ApplyResult {
  /** Problems after this pass: failed starts recorded, successful starts cleared. */
  readonly problems: PodProblems;
  readonly sandboxId?: string;
}

/**
 * Carries out a pod plan against Docker, in order. Expected failures (image pull, config, create)
 * become problems for the status; Docker I/O errors are thrown for the caller to retry.
 */
export async function applyPlan(rt: DockerRuntime, pod: V1Pod, plan: PodPlan, observed: readonly ObservedContainer[], ctx: ApplyContext): Promise<ApplyResult> {
  const problems: Record<string, ContainerProblem> = { ...ctx.problems };
  const now = ctx.now ?? (() => new Date());
  const live = observed.find((c) => c.kind === 'sandbox' && c.state.running);
  let sandboxId = live?.id;
  let podIP = live?.ip;
  let volumesReady: { ok: true } | { ok: false; message: string } | undefined;
  const fail = (name: string, reason: ContainerProblem['reason'], message: string) => {
    problems[name] = { reason, message, at: now().toISOString(), attempts: (problems[name]?.attempts ?? 0) + 1 };
  };

  for (const action of plan.actions) {
    switch (action.type) {
      case 'CreateSandbox': {
        const img = await rt.ensureImage(rt.options.pauseImage ?? PAUSE_IMAGE, 'IfNotPresent');
        if (img.type === 'PullFailed' || img.type === 'NeverPull') throw new Error(`sandbox image: ${img.message}`);
        const r = await rt.startSandbox(pod, action.attempt);
        if (!r.ok) throw new Error(`sandbox: ${r.message}`);
        sandboxId = r.id;
        podIP = (await rt.inspect(r.id))?.ip;
        delete problems[SANDBOX_NAME];
        break;
      }
      case 'StartContainer': {
        if (!sandboxId) break;
        volumesReady ??= await prepareVolumes(pod, rt.options.dataDir, ctx.lookups);
        if (!volumesReady.ok) { fail(action.name, 'CreateContainerConfigError', volumesReady.message); break; }
        await startOne(rt, pod, action, sandboxId, podIP, ctx, fail, (n) => delete problems[n]);
        break;
      }
      case 'StopContainer': {
        const spec = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].find((c) => c.name === action.name);
        await rt.stop(action.containerId, { gracePeriodSeconds: pod.spec?.terminationGracePeriodSeconds ?? 30, container: spec, podIP });
        break;
      }
      case 'RemoveContainer':
        await rt.remove(action.containerId);
        break;
      case 'KillPod':
        await rt.removePod(pod.metadata?.uid ?? '', pod.metadata?.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30, pod);
        return { problems: {} };
      default: {
        const never: never = action;
        throw new Error(`unknown action ${(never as PodAction).type}`);
      }
    }
  }
  return { problems, sandboxId };
}

async function startOne(
  rt: DockerRuntime, pod: V1Pod, action: Extract<PodAction, { type: 'StartContainer' }>, sandboxId: string, podIP: string | undefined,
  ctx: ApplyContext, fail: (name: string, reason: ContainerProblem['reason'], message: string) => void, clear: (name: string) => void,
): Promise<void> {
  const specs = action.kind === 'init' ? pod.spec?.initContainers : pod.spec?.containers;
  const spec = specs?.find((c) => c.name === action.name);
  if (!spec?.image) return fail(action.name, 'CreateContainerError', 'container has no image');
  const img = await rt.ensureImage(spec.image, spec.imagePullPolicy as PullPolicy | undefined);
  if (img.type === 'PullFailed' || img.type === 'NeverPull') return fail(action.name, img.reason, img.message);
  const env = resolveEnv(spec, pod, { ...ctx.lookups, podIP, hostIP: rt.options.nodeAddress });
  if (!env.ok) return fail(action.name, env.reason, env.message);
  const binds = containerBinds(spec, podVolumes(pod, rt.options.dataDir));
  if (!binds.ok) return fail(action.name, 'CreateContainerConfigError', binds.message);
  const resolv = await writePodResolvConf(pod, rt.options);
  const r = await rt.startContainer(pod, spec, {
    sandboxId, kind: action.kind, restartCount: action.restartCount, backoffSeconds: action.backoffSeconds, env: env.env,
    binds: resolv ? [...binds.binds, `${resolv}:/etc/resolv.conf:ro`] : binds.binds,
  });
  // A container that was created but could not start stays observable (and backs off like a crash).
  if (!r.ok && !r.id) return fail(action.name, r.reason, r.message);
  clear(action.name);
}
