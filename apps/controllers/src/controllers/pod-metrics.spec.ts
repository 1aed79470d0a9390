import type { MetricsSnapshot } from '@wake/node-api';
import type { Pod } from '@wake/reconcilers';
import { podMetricsOf } from './pod-metrics';

describe('podMetricsOf', () => {
  const pod = (name: string, nodeName?: string, uid = `u-${name}`): Pod => ({ metadata: { name, namespace: 'default', uid }, spec: { containers: [], ...(nodeName ? { nodeName } : {}) } });
  const snap: MetricsSnapshot = {
    node: 'n1', timestamp: '2026-01-01T00:00:10Z', windowSeconds: 2.001,
    pods: [
      { namespace: 'default', name: 'a', uid: 'u-a', containers: [{ name: 'x', usage: { cpu: '150m', memory: '1Mi' } }, { name: 'y', usage: { cpu: '50m', memory: '1Ki' } }] },
      { namespace: 'default', name: 'b', uid: 'old-uid', containers: [{ name: 'x', usage: { cpu: '1', memory: '0' } }] },
      { namespace: 'other', name: 'c', uid: 'u-c', containers: [{ name: 'x', usage: { cpu: '1', memory: '0' } }] },
    ],
  };
  it('sums containers per pod, matching namespace, name and uid; pods on silent nodes or unscheduled have none', () => {
    const m = podMetricsOf([pod('a', 'n1'), pod('b', 'n1'), pod('c', 'n1'), pod('d', 'n2'), pod('e')], new Map([['n1', snap]]));
    expect([...m.keys()]).toEqual(['a']);
    expect(m.get('a')).toEqual({ cpuMilli: 200, memoryMilli: (1024 * 1024 + 1024) * 1000, timestamp: Date.parse('2026-01-01T00:00:10Z'), windowMs: 2001 });
  });
});
