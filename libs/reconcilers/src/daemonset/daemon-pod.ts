import type { RandomSource } from '../common/names';
import type { Pod, PodTemplateSpec } from '../common/wire';
import { computeHash } from '../deployment/pod-template-hash';
import { podFromTemplate } from '../replicaset/pod-from-template';
import { daemonTolerations } from './daemon-tolerations';
import type { DaemonSet } from './types';

export const CONTROLLER_REVISION_HASH = 'controller-revision-hash';

/** The DaemonSet's current revision hash (Wake's `ComputeHash` of the template and collisionCount). */
export const daemonSetHash = (ds: DaemonSet): string => computeHash(ds.spec?.template, ds.status?.collisionCount);

/** `IsPodUpdated` by hash (Wake does not keep the deprecated pod-template-generation label). */
export const isPodUpdated = (pod: Pod, hash: string): boolean => pod.metadata?.labels?.[CONTROLLER_REVISION_HASH] === hash;

/** The node a daemon pod is for: spec.nodeName, else its `matchFields metadata.name In [node]` affinity. */
export function targetNode(pod: Pod): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  for (const term of pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    const f = (term.matchFields ?? []).find((r) => r.key === 'metadata.name' && r.operator === 'In' && r.values?.length === 1);
    if (f) return f.values![0];
  }
  return undefined;
}

/**
 * A daemon pod for `node` (`CreatePodTemplate` + `ReplaceDaemonSetPodNodeNameNodeAffinity`):
 * the template with the revision labels and daemon tolerations, and required node affinity
 * replaced by `matchFields metadata.name In [node]`, so the default scheduler binds it there.
 */
export function daemonPod(ds: DaemonSet, node: string, hash: string, random: RandomSource, taken: Set<string>): Pod {
  const t: PodTemplateSpec = structuredClone(ds.spec?.template ?? {});
  t.metadata = { ...(t.metadata ?? {}), labels: { ...(t.metadata?.labels ?? {}), [CONTROLLER_REVISION_HASH]: hash } };
  const spec = (t.spec ??= { containers: [] });
  spec.tolerations = daemonTolerations(spec);
  const required = { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] };
  spec.affinity = { ...(spec.affinity ?? {}), nodeAffinity: { ...(spec.affinity?.nodeAffinity ?? {}), requiredDuringSchedulingIgnoredDuringExecution: required } };
  return podFromTemplate(t, ds, `${ds.metadata?.name}-`, random, taken);
}
