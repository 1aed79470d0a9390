import { makeNode, makePod } from '../fixtures';
import { runFilter, snapshotOf } from '../test-helpers';
import { ERR_NODE_NAME, NodeName } from './node-name';

describe('NodeName', () => {
  const s = snapshotOf([makeNode('n1')]);
  it.each([
    ['no nodeName', undefined, 'Success', []],
    ['same node', 'n1', 'Success', []],
    ['other node', 'n2', 'UnschedulableAndUnresolvable', [ERR_NODE_NAME]],
  ])('%s', (_, nodeName, code, reasons) => {
    const pod = makePod('p');
    pod.spec!.nodeName = nodeName;
    expect(runFilter(NodeName, pod, s, 'n1')).toEqual({ code, reasons });
  });
});
