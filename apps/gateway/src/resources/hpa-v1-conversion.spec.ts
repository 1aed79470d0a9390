import { hpaV1ToV2, hpaV2ToV1, v2OnlyAnnotation } from './hpa-v1-conversion';

describe('autoscaling/v1 ⇄ v2 HorizontalPodAutoscaler', () => {
  const v1 = {
    apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'busy' },
    spec: { scaleTargetRef: { kind: 'Deployment', name: 'busy', apiVersion: 'apps/v1' }, minReplicas: 1, maxReplicas: 3, targetCPUUtilizationPercentage: 50 },
  };

  it('targetCPUUtilizationPercentage is the Resource cpu Utilization metric', () => {
    expect(hpaV1ToV2(v1)).toEqual({
      apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'busy' },
      spec: {
        scaleTargetRef: { kind: 'Deployment', name: 'busy', apiVersion: 'apps/v1' }, minReplicas: 1, maxReplicas: 3,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
      },
    });
  });

  it('without one, no metrics (v2 defaulting then sets 80%)', () => {
    expect(hpaV1ToV2({ ...v1, spec: { ...v1.spec, targetCPUUtilizationPercentage: undefined } }).spec).not.toHaveProperty('metrics');
  });

  it('back to v1 with the current cpu utilization from the status', () => {
    const v2 = {
      ...hpaV1ToV2(v1), metadata: { name: 'busy', namespace: 'default', resourceVersion: '9' },
      status: { currentReplicas: 2, desiredReplicas: 3, lastScaleTime: '2026-01-01T00:00:00Z', currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 120, averageValue: '120m' } } }] },
    };
    expect(hpaV2ToV1(v2)).toEqual({
      apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'busy', namespace: 'default', resourceVersion: '9' },
      spec: { scaleTargetRef: v1.spec.scaleTargetRef, minReplicas: 1, maxReplicas: 3, targetCPUUtilizationPercentage: 50 },
      status: { lastScaleTime: '2026-01-01T00:00:00Z', currentReplicas: 2, desiredReplicas: 3, currentCPUUtilizationPercentage: 120 },
    });
  });

  it('names an annotation that would carry v2-only fields', () => {
    expect(v2OnlyAnnotation(v1)).toBeUndefined();
    expect(v2OnlyAnnotation({ metadata: { annotations: { 'autoscaling.alpha.kubernetes.io/metrics': '[]' } } })).toBe('autoscaling.alpha.kubernetes.io/metrics');
  });
});
