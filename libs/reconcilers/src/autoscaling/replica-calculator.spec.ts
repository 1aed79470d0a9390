import { parseQuantity } from '@wake/api';
import type { Pod } from '../common/wire';
import { resourceReplicas, type ResourceTarget } from './replica-calculator';
import { DEFAULT_AUTOSCALER_SETTINGS, type PodMetric } from './types';

const now = new Date('2026-01-01T12:00:00Z');
const ago = (s: number) => new Date(now.getTime() - s * 1000).toISOString();

interface P { name: string; cpu?: string | null; phase?: string; ready?: boolean; startedAgo?: number; readyAgo?: number; deleting?: boolean }
function pod({ name, cpu = '100m', phase = 'Running', ready = true, startedAgo = 600, readyAgo = 590, deleting }: P): Pod {
  return {
    metadata: { name, namespace: 'default', ...(deleting ? { deletionTimestamp: ago(1) } : {}) },
    spec: { containers: [{ name: 'c', image: 'i', ...(cpu === null ? {} : { resources: { requests: { cpu } } }) }] },
    status: { phase, startTime: ago(startedAgo), conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: ago(readyAgo) }] },
  };
}
const sample = (cpuMilli: number, takenAgo = 1): PodMetric => ({ cpuMilli, memoryMilli: 0, timestamp: now.getTime() - takenAgo * 1000, windowMs: 2000 });
const cpu50: ResourceTarget = { resource: 'cpu', utilization: 50 };
const run = (current: number, pods: Pod[], metrics: Record<string, PodMetric>, target = cpu50) =>
  resourceReplicas(current, pods, new Map(Object.entries(metrics)), target, parseQuantity, DEFAULT_AUTOSCALER_SETTINGS, now);

describe('resourceReplicas (replica_calculator.go)', () => {
  it.each<[string, number, P[], Record<string, number>, number, number]>([
    // name, current, pods, usage (millicores), replicas, utilization
    ['one pod at 200% of its request, target 50%: ceil(1 × 200/50)', 1, [{ name: 'a' }], { a: 200 }, 4, 200],
    ['two pods at 75% and 45% average 60%: ceil(2 × 1.2) = 3', 2, [{ name: 'a' }, { name: 'b' }], { a: 75, b: 45 }, 3, 60],
    ['within the tolerance (54% of a 50% target): no change', 2, [{ name: 'a' }, { name: 'b' }], { a: 54, b: 54 }, 2, 54],
    ['just over the tolerance (56%): ceil(2 × 1.12) = 3', 2, [{ name: 'a' }, { name: 'b' }], { a: 56, b: 56 }, 3, 56],
    ['scale down: three pods at 10%: ceil(3 × 0.2) = 1', 3, [{ name: 'a' }, { name: 'b' }, { name: 'c' }], { a: 10, b: 10, c: 10 }, 1, 10],
    ['a pod being deleted, a Pending and a Failed one are ignored', 1, [{ name: 'a' }, { name: 'd', deleting: true }, { name: 'p', phase: 'Pending' }, { name: 'f', phase: 'Failed' }], { a: 100, d: 0 }, 2, 100],
    ['a missing sample on a scale up counts as 0: (100+0)/200 = 100% → 4', 2, [{ name: 'a' }, { name: 'b' }], { a: 200 }, 4, 200],
    ['a missing sample on a scale down counts as its whole request: (10+100)/200 = 55% → no change (tolerance)', 2, [{ name: 'a' }, { name: 'b' }], { a: 10 }, 2, 10],
    ['a never-ready pod on a scale up counts as 0: (200+0)/200 = 100% → 4', 2, [{ name: 'a' }, { name: 'b', ready: false, readyAgo: 595 }], { a: 200, b: 200 }, 4, 200],
    ['a never-ready pod does not count on a scale down', 2, [{ name: 'a' }, { name: 'b', ready: false, readyAgo: 595 }], { a: 10, b: 500 }, 1, 10],
  ])('%s', (_n, current, pods, usage, replicas, utilization) => {
    const metrics = Object.fromEntries(Object.entries(usage).map(([k, v]) => [k, sample(v)]));
    expect(run(current, pods.map(pod), metrics)).toEqual({ ok: true, proposal: { replicas, utilization, rawAverageMilli: expect.any(Number) } });
  });

  it('a pod that was ready once and is unready now still counts (only never-ready pods are set aside past the initialization period)', () => {
    expect(run(2, [pod({ name: 'a' }), pod({ name: 'b', ready: false, readyAgo: 5 })], { a: sample(100), b: sample(100) })).toMatchObject({ proposal: { replicas: 4 } });
  });

  it('the average usage per pod comes with the proposal', () => {
    expect(run(2, [pod({ name: 'a' }), pod({ name: 'b' })], { a: sample(75), b: sample(45) })).toMatchObject({ proposal: { rawAverageMilli: 60 } });
  });

  it('a pod started within the cpu initialization period whose sample predates one window after it became ready is unready', () => {
    const pods = [pod({ name: 'a' }), pod({ name: 'b', startedAgo: 10, readyAgo: 3 })];
    // b's sample (taken 2 s ago) started before ready + 2 s window: it counts as 0 on this scale up
    expect(run(2, pods, { a: sample(200), b: sample(200, 2) })).toMatchObject({ proposal: { replicas: 4 } });
    // a sample taken a full window after b became ready is used: (200+200)/200 = 200% → 8
    expect(run(2, pods, { a: sample(200), b: sample(200, 0) })).toMatchObject({ proposal: { replicas: 8 } });
  });

  it('an AverageValue target divides the average usage by the target', () => {
    const target: ResourceTarget = { resource: 'cpu', averageMilli: 100 };
    expect(run(2, [pod({ name: 'a', cpu: null }), pod({ name: 'b', cpu: null })], { a: sample(300), b: sample(100) }, target))
      .toEqual({ ok: true, proposal: { replicas: 4, utilization: undefined, rawAverageMilli: 200 } });
  });

  it.each<[string, P[], Record<string, PodMetric>, string]>([
    ['no samples at all', [{ name: 'a' }], {}, 'unable to get metrics for resource cpu: no metrics returned from resource metrics API'],
    ['no pods', [], { x: sample(1) }, 'no pods returned by selector while calculating replica count'],
    ['only unready pods have samples', [{ name: 'a', ready: false, readyAgo: 595 }], { a: sample(100) }, 'did not receive metrics for targeted pods (pods might be unready)'],
    ['a container without a cpu request', [{ name: 'a', cpu: null }], { a: sample(100) }, 'missing request for cpu in container c of Pod a'],
  ])('fails on %s', (_n, pods, metrics, error) => {
    expect(run(1, pods.map(pod), metrics)).toEqual({ ok: false, error });
  });
});
