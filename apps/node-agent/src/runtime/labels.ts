import type { V1Pod } from '@kubernetes/client-node';

/**
 * The labels Wake puts on every container it runs. They are the agent's only memory that
 * survives a restart: a restarted agent adopts containers by these labels (invariant 8).
 */
export const LABEL = {
  podUid: 'wake.pod.uid',
  podName: 'wake.pod.name',
  podNamespace: 'wake.pod.namespace',
  node: 'wake.node',
  container: 'wake.container', // the container's name in the pod spec, or POD for the sandbox
  kind: 'wake.kind',
  restartCount: 'wake.restart-count',
  specHash: 'wake.spec-hash',
  backoff: 'wake.backoff-seconds', // back-off to apply before restarting this instance
  gracePeriod: 'wake.grace-period-seconds',
} as const;

export const SANDBOX_NAME = 'POD';

export type ContainerKind = 'sandbox' | 'init' | 'app';

export interface ContainerLabelInput {
  readonly kind: ContainerKind;
  readonly name: string;
  readonly restartCount: number;
  readonly specHash: string;
  readonly backoffSeconds?: number;
}

export function containerLabels(pod: V1Pod, nodeName: string, c: ContainerLabelInput): Record<string, string> {
  return {
    [LABEL.podUid]: pod.metadata?.uid ?? '',
    [LABEL.podName]: pod.metadata?.name ?? '',
    [LABEL.podNamespace]: pod.metadata?.namespace ?? 'default',
    [LABEL.node]: nodeName,
    [LABEL.container]: c.name,
    [LABEL.kind]: c.kind,
    [LABEL.restartCount]: String(c.restartCount),
    [LABEL.specHash]: c.specHash,
    [LABEL.backoff]: String(c.backoffSeconds ?? 0),
    [LABEL.gracePeriod]: String(pod.spec?.terminationGracePeriodSeconds ?? 30),
  };
}

/** Docker container name: unique per pod uid, container and restart (like dockershim's k8s_…). */
export function dockerName(pod: V1Pod, name: string, restartCount: number): string {
  const m = pod.metadata ?? {};
  const safe = (s: string) => s.replace(/[^a-zA-Z0-9_.-]/g, '-');
  return `wake_${safe(name)}_${safe(m.name ?? '')}_${safe(m.namespace ?? 'default')}_${m.uid ?? ''}_${restartCount}`;
}
