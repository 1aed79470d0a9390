import type { Action } from '../common/action';
import type { AnyObject, Pod } from '../common/wire';
import { reconcileHorizontalPodAutoscaler, type AutoscalerObserved } from './reconcile-hpa';
import { DEFAULT_AUTOSCALER_SETTINGS, EMPTY_MEMORY, type HorizontalPodAutoscaler, type PodMetric } from './types';

const now = new Date('2026-01-01T12:00:00Z');
const ago = (s: number) => new Date(now.getTime() - s * 1000).toISOString();

const hpa = (spec: Partial<NonNullable<HorizontalPodAutoscaler['spec']>> = {}, status?: HorizontalPodAutoscaler['status']): HorizontalPodAutoscaler => ({
  apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'busy', namespace: 'default', uid: 'h-1', resourceVersion: '7' },
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'busy' }, minReplicas: 1, maxReplicas: 3,
    metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }], ...spec,
  },
  ...(status ? { status } : {}),
});
const deployment = (replicas: number): AnyObject => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'busy', namespace: 'default', uid: 'd-1', resourceVersion: '5' },
  spec: { replicas, selector: { matchLabels: { app: 'busy' } } },
});
const pod = (name: string, cpu: string | null = '100m', labels = { app: 'busy' }): Pod => ({
  metadata: { name, namespace: 'default', labels },
  spec: { containers: [{ name: 'burn', image: 'wake/busybox:1', ...(cpu ? { resources: { requests: { cpu } } } : {}) }] },
  status: { phase: 'Running', startTime: ago(600), conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: ago(590) }] },
});
const sample = (cpuMilli: number): PodMetric => ({ cpuMilli, memoryMilli: 1, timestamp: now.getTime() - 1000, windowMs: 2000 });
const observed = (target: AnyObject | undefined, pods: Pod[], usage: Record<string, number>): AutoscalerObserved =>
  ({ target, pods, metrics: new Map(Object.entries(usage).map(([k, v]) => [k, sample(v)])) });
const run = (h: HorizontalPodAutoscaler, o: AutoscalerObserved) => reconcileHorizontalPodAutoscaler(h, o, EMPTY_MEMORY, DEFAULT_AUTOSCALER_SETTINGS, now);

const statusOf = (actions: Action[]) => (actions.find((a) => a.type === 'updateStatus') as Extract<Action, { type: 'updateStatus' }> | undefined)?.object.status as Record<string, any> | undefined;
const conditions = (actions: Action[]) => Object.fromEntries((statusOf(actions)?.conditions ?? []).map((c: any) => [c.type, `${c.status} ${c.reason}`]));
const events = (actions: Action[]) => actions.filter((a) => a.type === 'event').map((a: any) => `${a.eventType} ${a.reason}: ${a.message}`);

describe('reconcileHorizontalPodAutoscaler', () => {
  it('scales a busy Deployment up (clamped to maxReplicas), records SuccessfulRescale and writes the status', () => {
    const { actions } = run(hpa(), observed(deployment(1), [pod('busy-a'), pod('other', '100m', { app: 'other' })], { 'busy-a': 200, other: 0 }));
    expect(actions.map((a) => a.type)).toEqual(['update', 'event', 'updateStatus']);
    expect(actions[0]).toMatchObject({ type: 'update', object: { kind: 'Deployment', spec: { replicas: 3 } }, expectSeq: '5', intent: 'Scaled' });
    expect(events(actions)).toEqual(['Normal SuccessfulRescale: New size: 3; reason: cpu resource utilization (percentage of request) above target']);
    expect(statusOf(actions)).toMatchObject({
      currentReplicas: 1, desiredReplicas: 3, lastScaleTime: '2026-01-01T12:00:00Z',
      currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 200, averageValue: '200m' } } }],
    });
    expect(conditions(actions)).toEqual({ AbleToScale: 'True SucceededRescale', ScalingActive: 'True ValidMetricFound', ScalingLimited: 'True TooManyReplicas' });
  });

  it('scales down when every metric is below target (the stabilization window starts with this recommendation)', () => {
    const { actions, memory } = run(hpa(), observed(deployment(3), [pod('a'), pod('b'), pod('c')], { a: 5, b: 5, c: 5 }));
    expect(actions[0]).toMatchObject({ object: { spec: { replicas: 1 } } });
    expect(events(actions)).toEqual(['Normal SuccessfulRescale: New size: 1; reason: All metrics below target']);
    expect(memory.recommendations).toEqual([{ replicas: 1, at: now.getTime() }]);
  });

  it('changes nothing within the tolerance and writes the status only when it changes', () => {
    const first = run(hpa(), observed(deployment(2), [pod('a'), pod('b')], { a: 52, b: 52 }));
    expect(first.actions.map((a) => a.type)).toEqual(['updateStatus']);
    expect(statusOf(first.actions)).toMatchObject({ currentReplicas: 2, desiredReplicas: 2 });
    expect(conditions(first.actions)).toMatchObject({ AbleToScale: 'True ReadyForNewScale', ScalingLimited: 'False DesiredWithinRange' });
    const again = run({ ...hpa(), status: statusOf(first.actions) as HorizontalPodAutoscaler['status'] }, observed(deployment(2), [pod('a'), pod('b')], { a: 52, b: 52 }));
    expect(again.actions).toEqual([]);
  });

  it('a pod without a cpu request: ScalingActive False (FailedGetResourceMetric), no scaling', () => {
    const { actions } = run(hpa(), observed(deployment(1), [pod('a', null)], { a: 200 }));
    expect(actions.map((a) => a.type)).toEqual(['event', 'event', 'updateStatus']);
    expect(conditions(actions)).toEqual({ AbleToScale: 'True SucceededGetScale', ScalingActive: 'False FailedGetResourceMetric' });
    expect(events(actions)).toEqual([
      'Warning FailedGetResourceMetric: failed to get cpu utilization: missing request for cpu in container burn of Pod a',
      'Warning FailedComputeMetricsReplicas: invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: failed to get cpu utilization: missing request for cpu in container burn of Pod a',
    ]);
    expect(statusOf(actions)).toMatchObject({ currentReplicas: 1, desiredReplicas: 0, currentMetrics: [{ type: '' }] });
  });

  it('no samples yet: ScalingActive False and TARGETS stays unknown', () => {
    const { actions } = run(hpa(), observed(deployment(1), [pod('a')], {}));
    expect(conditions(actions).ScalingActive).toBe('False FailedGetResourceMetric');
    expect(events(actions)[0]).toMatch(/no metrics returned from resource metrics API/);
  });

  it('a missing target: AbleToScale False (FailedGetScale)', () => {
    const { actions } = run(hpa(), observed(undefined, [], {}));
    expect(conditions(actions)).toEqual({ AbleToScale: 'False FailedGetScale' });
    expect(events(actions)).toEqual(['Warning FailedGetScale: deployments.apps "busy" not found']);
    const kind = run(hpa({ scaleTargetRef: { apiVersion: 'v1', kind: 'ReplicationController', name: 'x' } }), observed(undefined, [], {}));
    expect(events(kind.actions)[0]).toMatch(/^Warning FailedGetScale: no matches for kind "ReplicationController"/);
  });

  it('brings a target outside [min, max] back without reading metrics', () => {
    const { actions } = run(hpa(), observed(deployment(5), [], {}));
    expect(actions[0]).toMatchObject({ object: { spec: { replicas: 3 } } });
    expect(events(actions)).toEqual(['Normal SuccessfulRescale: New size: 3; reason: Current number of replicas above Spec.MaxReplicas']);
    expect(events(run(hpa({ minReplicas: 2 }), observed(deployment(1), [], {})).actions)).toEqual(['Normal SuccessfulRescale: New size: 2; reason: Current number of replicas below Spec.MinReplicas']);
  });

  it('a target scaled to zero disables autoscaling', () => {
    const { actions } = run(hpa(), observed(deployment(0), [], {}));
    expect(actions.map((a) => a.type)).toEqual(['updateStatus']);
    expect(conditions(actions).ScalingActive).toBe('False ScalingDisabled');
  });

  it('keeps a condition\'s lastTransitionTime while its status holds', () => {
    const earlier = '2026-01-01T11:00:00Z';
    const status = { currentReplicas: 2, desiredReplicas: 2, conditions: [{ type: 'AbleToScale', status: 'True', reason: 'X', message: 'm', lastTransitionTime: earlier }] };
    const { actions } = run(hpa({}, status), observed(deployment(2), [pod('a'), pod('b')], { a: 50, b: 50 }));
    expect(statusOf(actions)!.conditions[0]).toMatchObject({ type: 'AbleToScale', reason: 'ReadyForNewScale', lastTransitionTime: earlier });
  });

  it('an AverageValue target names the metric "cpu resource" and shows the average usage', () => {
    const spec = { metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'AverageValue', averageValue: '100m' } } }] };
    const { actions } = run(hpa(spec), observed(deployment(1), [pod('a')], { a: 200 }));
    expect(events(actions)).toEqual(['Normal SuccessfulRescale: New size: 2; reason: cpu resource above target']);
    expect(statusOf(actions)!.currentMetrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', current: { averageValue: '200m' } } }]);
  });
});
