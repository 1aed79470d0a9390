import { unschedulableMessage } from './fit-error';

describe('unschedulableMessage', () => {
  it('sorts reasons with counts and adds the preemption verdict (kube-scheduler format)', () => {
    const msg = unschedulableMessage(3, [
      { node: 'w1', plugin: 'NodeResourcesFit', code: 'Unschedulable', reasons: ['Insufficient cpu'] },
      { node: 'w2', plugin: 'NodeResourcesFit', code: 'Unschedulable', reasons: ['Insufficient cpu'] },
      { node: 'cp', plugin: 'TaintToleration', code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'] },
    ]);
    expect(msg).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. ' +
        'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
  });

  it('counts every reason of a node', () => {
    const msg = unschedulableMessage(1, [{ node: 'n', plugin: 'NodeResourcesFit', code: 'Unschedulable', reasons: ['Insufficient cpu', 'Insufficient memory'] }], 'none');
    expect(msg).toBe('0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory.');
  });

  it('handles preemptionPolicy Never and empty clusters', () => {
    expect(unschedulableMessage(1, [{ node: 'n', plugin: 'NodeName', code: 'UnschedulableAndUnresolvable', reasons: ['x'] }], 'never')).toBe(
      '0/1 nodes are available: 1 x. preemption: not eligible due to preemptionPolicy=Never.',
    );
    expect(unschedulableMessage(0, [])).toBe('no nodes available to schedule pods');
  });
});
