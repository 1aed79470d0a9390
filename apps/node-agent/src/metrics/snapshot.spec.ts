import { buildSnapshot, type ContainerSample, type Round } from './snapshot';

const MI = 2 ** 20;
const sample = (id: string, pod: string, container: string, cpuUsageNanos: number, atMs: number, mem = 10 * MI): ContainerSample =>
  ({ id, podUid: `uid-${pod}`, namespace: 'default', pod, container, cpuUsageNanos, memoryWorkingSetBytes: mem, atMs });
const host = (busy: number, total: number, memMi: number) => ({ cpu: { busy, total, cpus: 2 }, memoryWorkingSetBytes: memMi * MI });

describe('buildSnapshot', () => {
  it('has nothing but the time after the first round', () => {
    const r: Round = { atMs: Date.UTC(2026, 0, 1), containers: [sample('a', 'busy', 'main', 0, 0)], host: host(0, 0, 100) };
    expect(buildSnapshot('n1', undefined, r)).toEqual({ node: 'n1', timestamp: '2026-01-01T00:00:00.000Z', windowSeconds: 0, pods: [] });
  });

  it('rates CPU over the window between rounds, per container, with the latest working set', () => {
    const t0 = Date.UTC(2026, 0, 1);
    const prev: Round = { atMs: t0, containers: [sample('a', 'busy', 'main', 0, t0), sample('b', 'idle', 'main', 5e6, t0)], host: host(100, 1000, 1) };
    const cur: Round = {
      atMs: t0 + 15_000,
      containers: [sample('a', 'busy', 'main', 7.5e9, t0 + 15_000, 34 * MI), sample('b', 'idle', 'main', 5e6, t0 + 15_000, 12_288)],
      host: host(600, 2000, 1024),
    };
    expect(buildSnapshot('n1', prev, cur)).toEqual({
      node: 'n1', timestamp: '2026-01-01T00:00:15.000Z', windowSeconds: 15,
      usage: { cpu: '1', memory: '1Gi' }, // 500 of 1000 jiffies busy on 2 CPUs
      pods: [
        { namespace: 'default', name: 'busy', uid: 'uid-busy', containers: [{ name: 'main', usage: { cpu: '500m', memory: '34Mi' } }] },
        { namespace: 'default', name: 'idle', uid: 'uid-idle', containers: [{ name: 'main', usage: { cpu: '0', memory: '12Ki' } }] },
      ],
    });
  });

  it('leaves a pod out until every container of it has two samples (a new or restarted container)', () => {
    const prev: Round = { atMs: 0, containers: [sample('a1', 'web', 'app', 0, 0)] };
    const cur: Round = { atMs: 2_000, containers: [sample('a1', 'web', 'app', 1e9, 2_000), sample('s2', 'web', 'sidecar', 1e9, 2_000), sample('x', 'new', 'main', 0, 2_000)] };
    const snap = buildSnapshot('n1', prev, cur);
    expect(snap.pods).toEqual([]);
    expect(snap.usage).toBeUndefined();
    const next = buildSnapshot('n1', cur, { atMs: 4_000, containers: [sample('a1', 'web', 'app', 2e9, 4_000), sample('s2', 'web', 'sidecar', 1e9, 4_000)] });
    expect(next.pods.map((p) => [p.name, p.containers.map((c) => `${c.name}=${c.usage.cpu}`)])).toEqual([['web', ['app=500m', 'sidecar=0']]]);
  });
});
