import type { V1Affinity, V1NodeSelectorTerm } from '@kubernetes/client-node';
import { makeNode, makePod } from '../fixtures';
import { runFilter, runScore, snapshotOf } from '../test-helpers';
import { ERR_NODE_AFFINITY, NodeAffinity } from './node-affinity';
import { NodeAffinityScore } from './node-affinity-score';

const required = (...terms: V1NodeSelectorTerm[]): V1Affinity => ({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } });
const expr = (key: string, operator: string, values?: string[]): V1NodeSelectorTerm => ({ matchExpressions: [{ key, operator, values }] });

describe('NodeAffinity filter', () => {
  const s = snapshotOf([makeNode('n1', { labels: { zone: 'a', disk: 'ssd', cores: '8' } })]);
  it.each<[string, Record<string, string> | undefined, V1Affinity | undefined, boolean]>([
    ['nothing required', undefined, undefined, true],
    ['nodeSelector matches', { zone: 'a' }, undefined, true],
    ['nodeSelector misses', { zone: 'b' }, undefined, false],
    ['In', undefined, required(expr('zone', 'In', ['a', 'b'])), true],
    ['In misses', undefined, required(expr('zone', 'In', ['b'])), false],
    ['NotIn', undefined, required(expr('zone', 'NotIn', ['b'])), true],
    ['NotIn on missing label', undefined, required(expr('gpu', 'NotIn', ['x'])), true],
    ['Exists', undefined, required(expr('disk', 'Exists')), true],
    ['DoesNotExist', undefined, required(expr('disk', 'DoesNotExist')), false],
    ['Gt', undefined, required(expr('cores', 'Gt', ['4'])), true],
    ['Lt', undefined, required(expr('cores', 'Lt', ['4'])), false],
    ['Gt on non-integer label', undefined, required(expr('zone', 'Gt', ['1'])), false],
    ['terms are OR-ed', undefined, required(expr('zone', 'In', ['b']), expr('disk', 'In', ['ssd'])), true],
    ['expressions in a term are AND-ed', undefined, required({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }, { key: 'disk', operator: 'In', values: ['hdd'] }] }), false],
    ['matchFields metadata.name', undefined, required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }), true],
    ['matchFields other name', undefined, required({ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['n1'] }] }), false],
    ['empty term matches nothing', undefined, required({}), false],
    ['no terms matches nothing', undefined, required(), false],
    ['selector and affinity both apply', { zone: 'a' }, required(expr('disk', 'In', ['hdd'])), false],
  ])('%s', (_, nodeSelector, affinity, fits) => {
    const status = runFilter(NodeAffinity, makePod('p', { nodeSelector, affinity }), s, 'n1');
    expect(status).toEqual(fits ? { code: 'Success', reasons: [] } : { code: 'UnschedulableAndUnresolvable', reasons: [ERR_NODE_AFFINITY] });
  });
});

describe('NodeAffinity score', () => {
  const s = snapshotOf([makeNode('a', { labels: { zone: 'a', disk: 'ssd' } }), makeNode('b', { labels: { zone: 'b', disk: 'ssd' } }), makeNode('c', { labels: { zone: 'c' } })]);
  it('sums preferred weights and normalizes to the best node', () => {
    const affinity: V1Affinity = {
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 60, preference: expr('zone', 'In', ['a']) },
          { weight: 20, preference: expr('disk', 'In', ['ssd']) },
        ],
      },
    };
    expect(runScore(NodeAffinityScore, makePod('p', { affinity }), s)).toEqual({ a: 100, b: 25, c: 0 });
  });
  it('is skipped without preferences', () => expect(runScore(NodeAffinityScore, makePod('p'), s)).toEqual({ a: 0, b: 0, c: 0 }));
});
