import { controllerRef } from '../common/owner-refs';
import type { Deployment, OwnerReference, Pod, ReplicaSet } from '../common/wire';
import type { StatefulSet } from '../statefulset/types';

/** The workload controllers of a namespace whose scale a budget may count against. */
export interface ScaleSources {
  readonly replicaSets: readonly ReplicaSet[];
  readonly deployments: readonly Deployment[];
  readonly statefulSets: readonly StatefulSet[];
}

const APPS = ['apps', 'extensions'];
const isKind = (ref: OwnerReference | undefined, kind: string) => !!ref && ref.kind === kind && APPS.includes(ref.apiVersion.split('/')[0]);
const byRef = <T extends { metadata?: { name?: string; uid?: string } }>(list: readonly T[], ref: OwnerReference) =>
  list.find((o) => o.metadata?.name === ref.name && o.metadata?.uid === ref.uid);

/** One controller of a pod and its desired scale (`controllerAndScale`), or undefined when no finder knows it. */
function findController(ref: OwnerReference, src: ScaleSources): { uid: string; scale: number } | undefined {
  // getPodDeployment, then getPodReplicaSet (a ReplicaSet of a Deployment counts as its Deployment).
  if (isKind(ref, 'ReplicaSet')) {
    const rs = byRef(src.replicaSets, ref);
    if (!rs) return undefined;
    const parent = controllerRef(rs);
    if (parent && parent.kind === 'Deployment') {
      if (!isKind(parent, 'Deployment')) return undefined;
      const d = byRef(src.deployments, parent);
      return d ? { uid: d.metadata!.uid!, scale: d.spec?.replicas ?? 1 } : undefined;
    }
    return { uid: rs.metadata!.uid!, scale: rs.spec?.replicas ?? 1 };
  }
  // getPodStatefulSet. (Wake has no ReplicationControllers, and its only /scale kinds are these three.)
  if (isKind(ref, 'StatefulSet')) {
    const set = byRef(src.statefulSets, ref);
    return set ? { uid: set.metadata!.uid!, scale: set.spec?.replicas ?? 1 } : undefined;
  }
  return undefined;
}

/**
 * `getExpectedScale`: the sum of the scales of the pods' controllers, each counted once; pods
 * without a controller are returned as unmanaged. Throws when a pod's controller is not one whose
 * scale is known (upstream: "found no controllers for pod").
 */
export function expectedScale(pods: readonly Pod[], src: ScaleSources): { expected: number; unmanaged: string[] } {
  const scales = new Map<string, number>();
  const unmanaged: string[] = [];
  for (const pod of pods) {
    const ref = controllerRef(pod);
    if (!ref) {
      unmanaged.push(pod.metadata?.name ?? '');
      continue;
    }
    if (scales.has(ref.uid)) continue;
    const found = findController(ref, src);
    if (!found) throw new Error(`found no controllers for pod ${JSON.stringify(pod.metadata?.name ?? '')}`);
    scales.set(found.uid, found.scale);
  }
  let expected = 0;
  for (const s of scales.values()) expected += s;
  return { expected, unmanaged };
}
