import type { V2HorizontalPodAutoscaler } from '@kubernetes/client-node';
import { timestampSince } from './human-duration';
import { AGE_COLUMN, NAME_COLUMN, type Printer, type Wire, col } from './table-types';

type Hpa = Wire<V2HorizontalPodAutoscaler>;
type Obj = Record<string, any>;

const MAX_SHOWN = 2;

/**
 * formatHPAMetrics: each metric as `<resource>: <current>/<target>`, `<unknown>` until the controller
 * has a current value, at most two shown and the rest counted (`+ 1 more...`). Wake stores only
 * Resource metrics; any other type prints as upstream's `<unknown type>`.
 */
export function formatHpaMetrics(specs: readonly Obj[] | undefined, statuses: readonly Obj[] | undefined): string {
  if (!specs?.length) return '<none>';
  const list = specs.map((spec, i) => {
    const status = statuses?.[i]?.resource?.current as Obj | undefined;
    const res = spec.resource as Obj | undefined;
    if (spec.type !== 'Resource' || !res) return '<unknown type>';
    const target = res.target ?? {};
    if (target.averageValue != null) {
      return `${res.name}: ${statuses?.[i]?.resource ? String(status?.averageValue ?? '') : '<unknown>'}/${String(target.averageValue)}`;
    }
    const current = status?.averageUtilization != null ? `${status.averageUtilization}%` : '<unknown>';
    const wanted = target.averageUtilization != null ? `${target.averageUtilization}%` : '<auto>';
    return `${res.name}: ${current}/${wanted}`;
  });
  const shown = list.slice(0, MAX_SHOWN).join(', ');
  return list.length > MAX_SHOWN ? `${shown} + ${list.length - MAX_SHOWN} more...` : shown;
}

/** printHorizontalPodAutoscaler: MaxPods and Replicas are integers in string columns, as upstream's cells are. */
export const horizontalPodAutoscalerPrinter: Printer<Hpa> = {
  columns: [
    NAME_COLUMN,
    col('Reference', 'string', 'scaleTargetRef points to the target resource to scale, and is used to the pods for which metrics should be collected, as well as to actually change the replica count.'),
    col('Targets', 'string', 'metrics contains the specifications for which to use to calculate the desired replica count (the maximum replica count across all metrics will be used).'),
    col('MinPods', 'string', 'minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.'),
    col('MaxPods', 'string', 'maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up. It cannot be less that minReplicas.'),
    col('Replicas', 'string', 'currentReplicas is current number of replicas of pods managed by this autoscaler, as last seen by the autoscaler.'),
    AGE_COLUMN,
  ],
  cells(hpa, now) {
    const spec = (hpa.spec ?? {}) as Obj;
    const ref = spec.scaleTargetRef ?? {};
    return [
      hpa.metadata?.name ?? '', `${ref.kind ?? ''}/${ref.name ?? ''}`,
      formatHpaMetrics(spec.metrics, (hpa.status as Obj | undefined)?.currentMetrics),
      spec.minReplicas != null ? String(spec.minReplicas) : '<unset>',
      spec.maxReplicas ?? 0, hpa.status?.currentReplicas ?? 0,
      timestampSince(hpa.metadata?.creationTimestamp, now),
    ];
  },
};
