import { makeNode, makePod, PodSpec } from '../fixtures';
import { runFilter, runScore, snapshotOf } from '../test-helpers';
import { balancedAllocation } from './balanced-allocation';
import { NodeResourcesFit } from './node-resources-fit';
import { nodeResourcesFitScore } from './node-resources-fit-score';

describe('NodeResourcesFit filter', () => {
  // node: 4 cpu, 8Gi, 3 pods, 2 gpus; one bound (not necessarily running) pod uses 3 cpu, 4Gi, 1 gpu
  const s = snapshotOf(
    [makeNode('n1', { cpu: '4', memory: '8Gi', pods: '3', extended: { 'nvidia.com/gpu': '2' } })],
    [makePod('bound', { nodeName: 'n1', cpu: '3', memory: '4Gi', extended: { 'nvidia.com/gpu': '1' } })],
  );
  it.each<[string, PodSpec, string, string[]]>([
    ['fits', { cpu: '1', memory: '4Gi' }, 'Success', []],
    ['best effort fits', {}, 'Success', []],
    ['cpu short', { cpu: '1100m' }, 'Unschedulable', ['Insufficient cpu']],
    ['memory short', { memory: '5Gi' }, 'Unschedulable', ['Insufficient memory']],
    ['both short, all reasons', { cpu: '2', memory: '5Gi' }, 'Unschedulable', ['Insufficient cpu', 'Insufficient memory']],
    ['gpu fits', { extended: { 'nvidia.com/gpu': '1' } }, 'Success', []],
    ['gpu short', { extended: { 'nvidia.com/gpu': '2' } }, 'Unschedulable', ['Insufficient nvidia.com/gpu']],
    ['gpu the node lacks entirely', { extended: { 'example.com/fpga': '1' } }, 'UnschedulableAndUnresolvable', ['Insufficient example.com/fpga']],
    ['more cpu than the node has', { cpu: '5' }, 'UnschedulableAndUnresolvable', ['Insufficient cpu']],
  ])('%s', (_, spec, code, reasons) => expect(runFilter(NodeResourcesFit, makePod('p', spec), s, 'n1')).toEqual({ code, reasons }));

  it('counts pods against allocatable pods', () => {
    const full = snapshotOf([makeNode('n1', { pods: '1' })], [makePod('a', { nodeName: 'n1' })]);
    expect(runFilter(NodeResourcesFit, makePod('p'), full, 'n1').reasons).toEqual(['Too many pods']);
  });
});

describe('NodeResourcesFit score', () => {
  // empty: 0/4 cpu; half: 2/4 cpu, 4/8Gi
  const s = snapshotOf([makeNode('empty'), makeNode('half')], [makePod('x', { nodeName: 'half', cpu: '2', memory: '4Gi' })]);
  const pod = makePod('p', { cpu: '1', memory: '2Gi' });
  it.each([
    ['LeastAllocated prefers the emptiest', 'LeastAllocated' as const, { empty: 75, half: 25 }],
    ['MostAllocated prefers the fullest', 'MostAllocated' as const, { empty: 25, half: 75 }],
  ])('%s', (_, strategy, want) => expect(runScore(nodeResourcesFitScore(strategy), pod, s)).toEqual(want));

  it('honours resource weights', () => {
    const plugin = nodeResourcesFitScore('LeastAllocated', [{ name: 'cpu', weight: 3 }, { name: 'memory', weight: 1 }]);
    expect(runScore(plugin, makePod('p', { cpu: '1', memory: '6Gi' }), s)).toEqual({ empty: 62, half: 18 });
  });
});

describe('BalancedAllocation score', () => {
  const s = snapshotOf([makeNode('balanced'), makeNode('skewed')], [makePod('x', { nodeName: 'skewed', cpu: '3' })]);
  it.each([
    ['balanced fractions score higher', { cpu: '1', memory: '2Gi' }, { balanced: 100, skewed: 62 }],
    ['pods requesting nothing are skipped', {}, { balanced: 0, skewed: 0 }],
  ])('%s', (_, spec, want) => expect(runScore(balancedAllocation(), makePod('p', spec), s)).toEqual(want));
});
