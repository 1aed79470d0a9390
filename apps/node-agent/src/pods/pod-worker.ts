import type { V1Pod } from '@kubernetes/client-node';
import { WakeError } from '@wake/events';
import type { Actor, ObjectStore } from '@wake/store';
import type { DockerRuntime } from '../runtime/docker-runtime';
import type { ObservedContainer } from '../runtime/observed';
import { applyPlan } from '../runtime/apply-plan';
import type { EnvLookups } from '../runtime/env';
import { prepareVolumes } from '../runtime/volume-setup';
import { planPod } from '../lifecycle/plan-pod';
import { podStatus } from '../lifecycle/pod-status';
import { runDueProbes } from './probe-runner';
import { fingerprint, statusChanged, wireStatus } from './status-report';
import type { PodMemories } from './pod-state';

export interface PodWorkerDeps {
  readonly runtime: DockerRuntime;
  readonly store: ObjectStore;
  /** The pod with this uid as the agent's informer holds it (any node), or undefined. */
  readonly podByUid: (uid: string) => V1Pod | undefined;
  readonly lookups: Omit<EnvLookups, 'podIP' | 'hostIP'>;
  readonly memories: PodMemories;
  readonly resyncMs: number;
  readonly now?: () => Date;
  readonly log?: (message: string) => void;
}

export interface SyncResult {
  /** Sync this pod again after this many ms (back-off end, next probe, resync); undefined: forget it. */
  readonly requeueAfterMs?: number;
}

const hasProjectedVolumes = (pod: V1Pod) => (pod.spec?.volumes ?? []).some((v) => v.configMap || v.secret);

/** A pod known only from its containers' labels (deleted from the API while the agent was away). */
function podFromLabels(uid: string, observed: readonly ObservedContainer[]): V1Pod {
  const c = observed[0];
  return { metadata: { uid, name: c?.podName, namespace: c?.podNamespace }, spec: { containers: [], terminationGracePeriodSeconds: c?.gracePeriodSeconds ?? 30 } };
}

/**
 * One pass for one pod (the kubelet's syncPod): observe its containers, run due probes, plan,
 * apply, then report status (only when it changed) or finish a deletion. Keyed by uid, re-reads
 * everything, does not branch on create vs update.
 */
export class PodWorker {
  private readonly actor: Actor;

  constructor(private readonly d: PodWorkerDeps) {
    this.actor = { type: 'node', node: d.runtime.nodeName };
  }

  private now(): Date {
    return this.d.now?.() ?? new Date();
  }

  async sync(uid: string): Promise<SyncResult> {
    const rt = this.d.runtime;
    const desired = this.d.podByUid(uid);
    const mine = !!desired && desired.spec?.nodeName === rt.nodeName;
    let observed = await rt.podContainers(uid);
    if (!mine && observed.length === 0) {
      this.d.memories.forget(uid);
      return {};
    }
    const memory = this.d.memories.of(uid);
    const deleting = mine && !!desired!.metadata?.deletionTimestamp;
    let probeAt: Date | undefined;
    if (mine && !deleting) {
      const pass = await runDueProbes(desired!, observed, memory.probes, rt, this.now());
      memory.probes = pass.probes;
      probeAt = pass.nextAt;
    }
    const target = desired ?? podFromLabels(uid, observed);
    const plan = planPod(desired, observed, this.now(), { nodeName: rt.nodeName, probes: memory.probes, problems: memory.problems });
    if (plan.actions.length) {
      const r = await applyPlan(rt, target, plan, observed, { lookups: this.d.lookups, problems: memory.problems });
      memory.problems = r.problems;
      observed = await rt.podContainers(uid);
    } else if (mine && !deleting && hasProjectedVolumes(desired!) && observed.some((c) => c.kind === 'sandbox' && c.state.running)) {
      await prepareVolumes(desired!, rt.options.dataDir, this.d.lookups); // configMap/secret files follow their source
    }

    if (!mine) {
      if (observed.length === 0) this.d.memories.forget(uid);
      return observed.length ? { requeueAfterMs: 1000 } : {};
    }
    if (deleting) {
      if (observed.length) return { requeueAfterMs: 500 };
      await this.finishDeletion(desired!);
      this.d.memories.forget(uid);
      return {};
    }
    await this.report(desired!, observed);
    const wakes = [plan.requeueAt, probeAt].filter((w): w is Date => !!w).map((w) => w.getTime() - this.now().getTime());
    return { requeueAfterMs: Math.max(0, Math.min(this.d.resyncMs, ...wakes)) };
  }

  /** Writes the pod's status through the store (node actor) when it differs from the stored one. */
  private async report(pod: V1Pod, observed: readonly ObservedContainer[]): Promise<void> {
    const memory = this.d.memories.of(pod.metadata!.uid!);
    const status = wireStatus(podStatus(pod, observed, memory.probes, this.now(), { hostIP: this.d.runtime.options.nodeAddress, problems: memory.problems }));
    const fp = fingerprint(status);
    // The informer may not have seen our last write yet: then that write is the stored status.
    const informerRv = Number(pod.metadata?.resourceVersion ?? 0);
    const stale = memory.reported && informerRv < memory.reported.rv;
    if (stale ? memory.reported!.fingerprint === fp : !statusChanged(pod.status, status)) return;
    const key = { kind: 'Pod', namespace: pod.metadata?.namespace ?? 'default', name: pod.metadata?.name ?? '' };
    try {
      // Replace status only (a JSON patch against the current object): labels and spec stay as stored.
      const written = await this.d.store.patch(key, [{ op: 'test', path: '/metadata/uid', value: pod.metadata?.uid }, { op: 'add', path: '/status', value: status }],
        'application/json-patch+json', { actor: this.actor, subresource: 'status', intent: 'StatusReported' });
      memory.reported = { fingerprint: fp, rv: Number(written.metadata.resourceVersion) };
    } catch (e) {
      if (e instanceof WakeError && (e.code === 'NotFound' || e.code === 'Conflict' || e.code === 'BadRequest' || e.code === 'Invalid')) {
        this.d.log?.(`status of ${key.namespace}/${key.name} not written: ${e.message}`);
        return;
      }
      throw e;
    }
  }

  /** All containers are gone: remove the pod from the API (the final, grace-0 delete a node may make). */
  private async finishDeletion(pod: V1Pod): Promise<void> {
    const key = { kind: 'Pod', namespace: pod.metadata?.namespace ?? 'default', name: pod.metadata?.name ?? '' };
    try {
      await this.d.store.delete(key, { actor: this.actor, gracePeriodSeconds: 0, preconditions: { uid: pod.metadata?.uid } });
    } catch (e) {
      if (e instanceof WakeError && (e.code === 'NotFound' || e.code === 'Conflict')) return; // already gone, or a new pod took the name
      throw e;
    }
  }
}
