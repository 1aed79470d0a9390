import type { V1TopologySpreadConstraint } from '@kubernetes/client-node';
import { makeNode, makePod } from '../fixtures';
import { runFilter, runScore, snapshotOf } from '../test-helpers';
import { ERR_SPREAD, ERR_SPREAD_MISSING_LABEL, PodTopologySpread } from './pod-topology-spread';
import { podTopologySpreadScore } from './pod-topology-spread-score';

const zoneNodes = [
  makeNode('a1', { labels: { zone: 'a' } }),
  makeNode('b1', { labels: { zone: 'b' } }),
  makeNode('c1', { labels: { zone: 'c' } }),
  makeNode('nolabel'),
];
const web = (name: string, nodeName: string) => makePod(name, { nodeName, labels: { app: 'web' } });
const constraint = (c: Partial<V1TopologySpreadConstraint> = {}): V1TopologySpreadConstraint => ({
  maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } }, ...c,
});

describe('PodTopologySpread filter', () => {
  // zone a: 2 web pods, b: 1, c: 0
  const s = snapshotOf(zoneNodes, [web('w1', 'a1'), web('w2', 'a1'), web('w3', 'b1')]);
  it.each<[string, V1TopologySpreadConstraint, string, string[]]>([
    ['skew within maxSkew', constraint(), 'c1', []],
    ['skew too large', constraint(), 'b1', [ERR_SPREAD]],
    ['skew too large in the busiest zone', constraint(), 'a1', [ERR_SPREAD]],
    ['larger maxSkew allows it', constraint({ maxSkew: 2 }), 'b1', []],
    ['node without the key', constraint(), 'nolabel', [ERR_SPREAD_MISSING_LABEL]],
    ['minDomains above the domain count makes the minimum 0', constraint({ maxSkew: 2, minDomains: 4 }), 'b1', []],
    ['ScheduleAnyway is not a filter', constraint({ whenUnsatisfiable: 'ScheduleAnyway' }), 'a1', []],
  ])('%s', (_, c, node, reasons) => {
    const pod = makePod('p', { labels: { app: 'web' }, topologySpreadConstraints: [c] });
    expect(runFilter(PodTopologySpread, pod, s, node).reasons).toEqual(reasons);
  });

  it('honours node affinity when counting domains', () => {
    const pod = makePod('p', { labels: { app: 'web' }, nodeSelector: { zone: 'b' }, topologySpreadConstraints: [constraint()] });
    expect(runFilter(PodTopologySpread, pod, s, 'b1').code).toBe('Success'); // zone c (0 pods) is not eligible
  });
});

describe('PodTopologySpread score', () => {
  const nodes = zoneNodes.slice(0, 3);
  it('ScheduleAnyway prefers the emptier domains', () => {
    const s = snapshotOf(nodes, [web('w1', 'a1'), web('w2', 'a1'), web('w3', 'b1')]);
    const pod = makePod('p', { labels: { app: 'web' }, topologySpreadConstraints: [constraint({ whenUnsatisfiable: 'ScheduleAnyway' })] });
    const scores = runScore(podTopologySpreadScore(), pod, s);
    expect(scores.c1).toBe(100);
    expect(scores.a1).toBeLessThan(scores.b1);
  });

  it('spreads pods of the same ReplicaSet by default (hostname and zone)', () => {
    const owner = { kind: 'ReplicaSet', name: 'rs', uid: 'rs-1' };
    const s = snapshotOf(
      [...nodes, makeNode('a2', { labels: { zone: 'a' } })],
      [makePod('r1', { nodeName: 'a1', owner }), makePod('r2', { nodeName: 'b1', owner }), makePod('other', { nodeName: 'c1' })],
    );
    const scores = runScore(podTopologySpreadScore(), makePod('p', { owner }), s);
    expect(scores.c1).toBe(100);
    expect(scores.a2).toBeGreaterThan(scores.a1);
    expect(scores.b1).toBeLessThan(scores.c1);
    expect(runScore(podTopologySpreadScore(false), makePod('p', { owner }), s)).toEqual({ a1: 0, b1: 0, c1: 0, a2: 0 });
  });
});
