/**
 * autoscaling/v1 ⇄ autoscaling/v2 HorizontalPodAutoscaler (pkg/apis/autoscaling/v1/conversion.go),
 * for what kubectl 1.32's `autoscale` sends: a v1 object whose targetCPUUtilizationPercentage is the
 * v2 Resource cpu Utilization metric (none: the v2 default, 80%). The v1 annotations that carry v2-only
 * parts (other metrics, behavior, conditions) are not read: a body with one is refused rather than
 * stored with the annotation ignored.
 */
import type { KubeObject } from '@wake/events';

type Obj = Record<string, any>;

export const V2_ONLY_ANNOTATIONS = [
  'autoscaling.alpha.kubernetes.io/metrics', 'autoscaling.alpha.kubernetes.io/current-metrics',
  'autoscaling.alpha.kubernetes.io/behavior', 'autoscaling.alpha.kubernetes.io/conditions',
] as const;

/** The annotation of a v1 body that would carry v2-only fields, if any. */
export function v2OnlyAnnotation(v1: Obj): string | undefined {
  const annotations = (v1.metadata?.annotations ?? {}) as Record<string, string>;
  return V2_ONLY_ANNOTATIONS.find((a) => a in annotations);
}

export function hpaV1ToV2(v1: Obj): KubeObject {
  const spec: Obj = v1.spec ?? {};
  const { targetCPUUtilizationPercentage: cpu, ...rest } = spec;
  const metrics = cpu != null ? [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpu } } }] : undefined;
  return {
    ...v1, apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler',
    spec: { ...rest, ...(metrics ? { metrics } : {}) },
    ...(v1.status ? { status: statusV1ToV2(v1.status) } : {}),
  } as unknown as KubeObject;
}

function statusV1ToV2(s: Obj): Obj {
  const { currentCPUUtilizationPercentage: cpu, ...rest } = s;
  return { ...rest, ...(cpu != null ? { currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: cpu } } }] } : {}) };
}

const isCpuUtilization = (m: Obj) => m?.type === 'Resource' && m.resource?.name === 'cpu';

export function hpaV2ToV1(v2: KubeObject): Obj {
  const spec = (v2.spec ?? {}) as Obj;
  const status = (v2.status ?? {}) as Obj;
  const target = (spec.metrics ?? []).find((m: Obj) => isCpuUtilization(m) && m.resource.target?.averageUtilization != null);
  const current = (status.currentMetrics ?? []).find((m: Obj) => isCpuUtilization(m) && m.resource.current?.averageUtilization != null);
  return {
    apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: v2.metadata,
    spec: {
      scaleTargetRef: spec.scaleTargetRef,
      ...(spec.minReplicas != null ? { minReplicas: spec.minReplicas } : {}),
      maxReplicas: spec.maxReplicas,
      ...(target ? { targetCPUUtilizationPercentage: target.resource.target.averageUtilization } : {}),
    },
    status: {
      ...(status.observedGeneration != null ? { observedGeneration: status.observedGeneration } : {}),
      ...(status.lastScaleTime ? { lastScaleTime: status.lastScaleTime } : {}),
      currentReplicas: status.currentReplicas ?? 0,
      desiredReplicas: status.desiredReplicas ?? 0,
      ...(current ? { currentCPUUtilizationPercentage: current.resource.current.averageUtilization } : {}),
    },
  };
}
