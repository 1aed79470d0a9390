import type { V1Taint, V1Toleration } from '@kubernetes/client-node';
import { makeNode, makePod } from '../fixtures';
import { runFilter, runScore, snapshotOf } from '../test-helpers';
import { TaintToleration } from './taint-toleration';
import { TaintTolerationScore } from './taint-toleration-score';

const cp: V1Taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };
const gpu: V1Taint = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };
const evict: V1Taint = { key: 'dedicated', value: 'gpu', effect: 'NoExecute' };
const soft: V1Taint = { key: 'spot', value: 'true', effect: 'PreferNoSchedule' };

describe('TaintToleration filter', () => {
  it.each<[string, V1Taint[], V1Toleration[] | undefined, string[]]>([
    ['no taints', [], undefined, []],
    ['untolerated, empty value', [cp], undefined, ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }']],
    ['untolerated, with value', [gpu], undefined, ['node(s) had untolerated taint {dedicated: gpu}']],
    ['Equal matches', [gpu], [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }], []],
    ['default operator is Equal', [gpu], [{ key: 'dedicated', value: 'gpu' }], []],
    ['Equal wrong value', [gpu], [{ key: 'dedicated', operator: 'Equal', value: 'cpu' }], ['node(s) had untolerated taint {dedicated: gpu}']],
    ['Exists by key', [gpu], [{ key: 'dedicated', operator: 'Exists' }], []],
    ['empty key Exists tolerates all', [gpu, cp, evict], [{ operator: 'Exists' }], []],
    ['effect must match', [evict], [{ key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }], ['node(s) had untolerated taint {dedicated: gpu}']],
    ['NoExecute filtered too', [evict], undefined, ['node(s) had untolerated taint {dedicated: gpu}']],
    ['PreferNoSchedule not filtered', [soft], undefined, []],
  ])('%s', (_, taints, tolerations, reasons) => {
    const status = runFilter(TaintToleration, makePod('p', { tolerations }), snapshotOf([makeNode('n1', { taints })]), 'n1');
    expect(status.reasons).toEqual(reasons);
    expect(status.code).toBe(reasons.length ? 'UnschedulableAndUnresolvable' : 'Success');
  });
});

describe('TaintToleration score', () => {
  const s = snapshotOf([makeNode('clean'), makeNode('one', { taints: [soft] }), makeNode('two', { taints: [soft, { key: 'old', effect: 'PreferNoSchedule' }] })]);
  it.each<[string, V1Toleration[] | undefined, Record<string, number>]>([
    ['fewer intolerable taints score higher', undefined, { clean: 100, one: 50, two: 0 }],
    ['tolerating a taint removes it', [{ key: 'spot', operator: 'Exists', effect: 'PreferNoSchedule' }], { clean: 100, one: 100, two: 0 }],
    ['NoSchedule tolerations do not count', [{ key: 'spot', operator: 'Exists', effect: 'NoSchedule' }], { clean: 100, one: 50, two: 0 }],
  ])('%s', (_, tolerations, want) => expect(runScore(TaintTolerationScore, makePod('p', { tolerations }), s)).toEqual(want));
});
