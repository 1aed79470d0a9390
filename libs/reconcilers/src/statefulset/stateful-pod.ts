import { newControllerRef } from '../common/owner-refs';
import type { Pod } from '../common/wire';
import { computeHash } from '../deployment/pod-template-hash';
import { withClaimVolumes } from './claims';
import { POD_INDEX_LABEL, POD_NAME_LABEL, podName, REVISION_LABEL } from './identity';
import type { StatefulSet } from './types';

/** The update revision's name (`<set>-<hash>`, as ControllerRevision names are): the pods' revision label. */
export const updateRevision = (set: StatefulSet): string => `${set.metadata?.name}-${computeHash(set.spec?.template, set.status?.collisionCount)}`;

/**
 * `newVersionedStatefulSetPod` at the update revision: the template, stable name `<set>-<n>`,
 * the pod-name / pod-index / revision labels, hostname = name and subdomain = serviceName
 * (the headless Service then gives `<set>-<n>.<service>.<ns>.svc`), and the claim volumes.
 */
export function statefulPod(set: StatefulSet, ordinal: number, revision: string): Pod {
  const t = structuredClone(set.spec?.template ?? {});
  const name = podName(set, ordinal);
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: set.metadata?.namespace,
      labels: { ...(t.metadata?.labels ?? {}), [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal), [REVISION_LABEL]: revision },
      ...(t.metadata?.annotations ? { annotations: t.metadata.annotations } : {}),
      ownerReferences: [newControllerRef(set)],
    },
    spec: { ...(t.spec ?? { containers: [] }), hostname: name, ...(set.spec?.serviceName ? { subdomain: set.spec.serviceName } : {}) },
  };
  return withClaimVolumes(set, pod, ordinal);
}

/** The pod with its identity labels restored (`updateIdentity`, labels only). */
export function withIdentity(set: StatefulSet, pod: Pod, ordinal: number): Pod {
  const p = structuredClone(pod);
  p.metadata!.labels = { ...(p.metadata?.labels ?? {}), [POD_NAME_LABEL]: podName(set, ordinal), [POD_INDEX_LABEL]: String(ordinal) };
  return p;
}
