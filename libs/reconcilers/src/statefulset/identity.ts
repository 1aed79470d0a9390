import { isPodAvailable, isPodReady, isPodTerminating } from '../common/pod-state';
import type { Pod } from '../common/wire';
import type { StatefulSet } from './types';

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
export const REVISION_LABEL = 'controller-revision-hash';

/** `getParentNameAndOrdinal`: the ordinal of `<set>-<n>`, or -1 when the name does not fit. */
export function ordinalOf(set: StatefulSet, pod: Pod): number {
  const m = /^(.*)-(\d+)$/.exec(pod.metadata?.name ?? '');
  return m && m[1] === set.metadata?.name ? Number(m[2]) : -1;
}

export const podName = (set: StatefulSet, ordinal: number): string => `${set.metadata?.name}-${ordinal}`;

/** `identityMatches` (labels part): the stable name's labels are on the pod. */
export function identityMatches(set: StatefulSet, pod: Pod, ordinal: number): boolean {
  const l = pod.metadata?.labels ?? {};
  return l[POD_NAME_LABEL] === podName(set, ordinal) && l[POD_INDEX_LABEL] === String(ordinal);
}

export const isRunningAndReady = (p: Pod): boolean => p.status?.phase === 'Running' && isPodReady(p);
export const isRunningAndAvailable = (p: Pod, minReady: number, now: Date): boolean => p.status?.phase === 'Running' && isPodAvailable(p, minReady, now);
export const isHealthy = (p: Pod): boolean => isRunningAndReady(p) && !isPodTerminating(p);
export const isFinished = (p: Pod): boolean => p.status?.phase === 'Failed' || p.status?.phase === 'Succeeded';
