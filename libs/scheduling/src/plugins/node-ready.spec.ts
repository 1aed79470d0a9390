import { makeNode, makePod, NodeSpec } from '../fixtures';
import { runFilter, snapshotOf } from '../test-helpers';
import { ERR_NODE_NETWORK_UNAVAILABLE, ERR_NODE_NOT_READY, NodeReady } from './node-ready';

describe('NodeReady', () => {
  it.each<[string, NodeSpec, object[] | undefined, string[]]>([
    ['ready', {}, undefined, []],
    ['not ready', { ready: 'False' }, undefined, [ERR_NODE_NOT_READY]],
    ['unknown', { ready: 'Unknown' }, undefined, [ERR_NODE_NOT_READY]],
    ['not ready, tolerated', { ready: 'False' }, [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists' }], []],
    ['network unavailable', { networkUnavailable: true }, undefined, [ERR_NODE_NETWORK_UNAVAILABLE]],
    ['network unavailable, tolerated', { networkUnavailable: true }, [{ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' }], []],
  ])('%s', (_, spec, tolerations, reasons) => {
    const s = snapshotOf([makeNode('n1', spec)]);
    expect(runFilter(NodeReady, makePod('p', { tolerations }), s, 'n1').reasons).toEqual(reasons);
  });

  it('a node without conditions is not ready', () => {
    const node = makeNode('n1');
    node.status!.conditions = undefined;
    expect(runFilter(NodeReady, makePod('p'), snapshotOf([node]), 'n1').reasons).toEqual([ERR_NODE_NOT_READY]);
  });
});
