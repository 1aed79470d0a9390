import type { V1Affinity, V1PodAffinityTerm } from '@kubernetes/client-node';
import { makeNode, makePod } from '../fixtures';
import { runFilter, runScore, snapshotOf } from '../test-helpers';
import { ERR_AFFINITY, ERR_ANTI_AFFINITY, ERR_EXISTING_ANTI_AFFINITY, InterPodAffinity } from './inter-pod-affinity';
import { interPodAffinityScore } from './inter-pod-affinity-score';

const term = (app: string, topologyKey = 'zone', extra: Partial<V1PodAffinityTerm> = {}): V1PodAffinityTerm => ({ topologyKey, labelSelector: { matchLabels: { app } }, ...extra });
const affinity = (...t: V1PodAffinityTerm[]): V1Affinity => ({ podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: t } });
const anti = (...t: V1PodAffinityTerm[]): V1Affinity => ({ podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: t } });

// zone a: a1 (db pod), a2 — zone b: b1
const nodes = [makeNode('a1', { labels: { zone: 'a' } }), makeNode('a2', { labels: { zone: 'a' } }), makeNode('b1', { labels: { zone: 'b' } }), makeNode('nozone')];
const db = makePod('db', { nodeName: 'a1', labels: { app: 'db' } });

describe('InterPodAffinity filter', () => {
  it.each<[string, V1Affinity | undefined, Record<string, string> | undefined, string, string[]]>([
    ['no affinity', undefined, undefined, 'b1', []],
    ['affinity satisfied in the same zone', affinity(term('db')), undefined, 'a2', []],
    ['affinity not satisfied in another zone', affinity(term('db')), undefined, 'b1', [ERR_AFFINITY]],
    ['affinity needs the topology label', affinity(term('db')), undefined, 'nozone', [ERR_AFFINITY]],
    ["affinity defaults to the pod's own namespace", affinity(term('db', 'zone')), undefined, 'a2', []],
    ['affinity with explicit other namespace misses', affinity(term('db', 'zone', { namespaces: ['other'] })), undefined, 'a2', [ERR_AFFINITY]],
    ['affinity with empty namespaceSelector matches all namespaces', affinity(term('db', 'zone', { namespaceSelector: {} })), undefined, 'a2', []],
    ['first pod of a self-affine group goes anywhere with the label', affinity(term('web')), { app: 'web' }, 'b1', []],
    ['anti-affinity rejects the zone', anti(term('db')), undefined, 'a2', [ERR_ANTI_AFFINITY]],
    ['anti-affinity allows another zone', anti(term('db')), undefined, 'b1', []],
    ['anti-affinity by hostname', anti(term('db', 'kubernetes.io/hostname')), undefined, 'a2', []],
  ])('%s', (_, aff, labels, node, reasons) => {
    const status = runFilter(InterPodAffinity, makePod('p', { affinity: aff, labels }), snapshotOf(nodes, [db]), node);
    expect(status.reasons).toEqual(reasons);
  });

  it("rejects nodes where an existing pod's anti-affinity matches the incoming pod (symmetry)", () => {
    const guard = makePod('guard', { nodeName: 'b1', labels: { app: 'guard' }, affinity: anti(term('web')) });
    const s = snapshotOf(nodes, [guard]);
    expect(runFilter(InterPodAffinity, makePod('p', { labels: { app: 'web' } }), s, 'b1')).toEqual({ code: 'Unschedulable', reasons: [ERR_EXISTING_ANTI_AFFINITY] });
    expect(runFilter(InterPodAffinity, makePod('p', { labels: { app: 'web' } }), s, 'a1').code).toBe('Success');
    expect(runFilter(InterPodAffinity, makePod('p', { labels: { app: 'other' } }), s, 'b1').code).toBe('Success');
  });

  it('affinity failures are unresolvable, anti-affinity failures are not', () => {
    const s = snapshotOf(nodes, [db]);
    expect(runFilter(InterPodAffinity, makePod('p', { affinity: affinity(term('db')) }), s, 'b1').code).toBe('UnschedulableAndUnresolvable');
    expect(runFilter(InterPodAffinity, makePod('p', { affinity: anti(term('db')) }), s, 'a1').code).toBe('Unschedulable');
  });
});

describe('InterPodAffinity score', () => {
  const s = snapshotOf(nodes.slice(0, 3), [db]);
  it.each<[string, V1Affinity, Record<string, number>]>([
    ['preferred affinity favours the zone', { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: term('db') }] } }, { a1: 100, a2: 100, b1: 0 }],
    ['preferred anti-affinity avoids the zone', { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: term('db') }] } }, { a1: 0, a2: 0, b1: 100 }],
  ])('%s', (_, aff, want) => expect(runScore(interPodAffinityScore(), makePod('p', { affinity: aff }), s)).toEqual(want));

  it("counts existing pods' required affinity towards the incoming pod", () => {
    const lover = makePod('lover', { nodeName: 'b1', affinity: affinity(term('web')) });
    expect(runScore(interPodAffinityScore(), makePod('p', { labels: { app: 'web' } }), snapshotOf(nodes.slice(0, 3), [lover]))).toEqual({ a1: 0, a2: 0, b1: 100 });
  });
});
