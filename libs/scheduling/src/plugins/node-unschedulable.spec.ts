import { makeNode, makePod } from '../fixtures';
import { runFilter, snapshotOf } from '../test-helpers';
import { ERR_NODE_UNSCHEDULABLE, NodeUnschedulable } from './node-unschedulable';

describe('NodeUnschedulable', () => {
  it.each([
    ['schedulable node', false, undefined, 'Success'],
    ['cordoned node', true, undefined, 'UnschedulableAndUnresolvable'],
    ['cordoned, tolerated by key', true, [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }], 'Success'],
    ['cordoned, tolerate-all', true, [{ operator: 'Exists' }], 'Success'],
    ['cordoned, wrong effect', true, [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoExecute' }], 'UnschedulableAndUnresolvable'],
  ])('%s', (_, unschedulable, tolerations, code) => {
    const s = snapshotOf([makeNode('n1', { unschedulable })]);
    const status = runFilter(NodeUnschedulable, makePod('p', { tolerations }), s, 'n1');
    expect(status.code).toBe(code);
    if (code !== 'Success') expect(status.reasons).toEqual([ERR_NODE_UNSCHEDULABLE]);
  });
});
