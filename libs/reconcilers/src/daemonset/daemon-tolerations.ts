import type { Pod, Toleration } from '../common/wire';

type PodSpec = NonNullable<Pod['spec']>;

/**
 * `AddOrUpdateDaemonPodTolerations`: daemon pods tolerate not-ready / unreachable (NoExecute,
 * forever), disk / memory / pid pressure and unschedulable (NoSchedule), and with hostNetwork
 * network-unavailable (NoSchedule). A toleration with the same key and effect is replaced.
 */
export function daemonTolerations(spec: PodSpec | undefined): Toleration[] {
  const extra: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (spec?.hostNetwork) extra.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  const own = (spec?.tolerations ?? []).filter((t) => !extra.some((e) => e.key === t.key && e.effect === t.effect));
  return [...own, ...extra];
}
