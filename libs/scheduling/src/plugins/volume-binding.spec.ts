import { makeNode, makePod } from '../fixtures';
import { schedule } from '../schedule';
import { runFilter, snapshotOf } from '../test-helpers';
import { ERR_VOLUME_NODE_CONFLICT, VolumeBinding } from './volume-binding';

const withClaims = (...claims: string[]) => {
  const pod = makePod('web-0');
  pod.spec!.volumes = [{ name: 'scratch', emptyDir: {} }, ...claims.map((c, i) => ({ name: `v${i}`, persistentVolumeClaim: { claimName: c } }))];
  return pod;
};

describe('VolumeBinding (node-local claims)', () => {
  it('a placed claim fits its node only; an unplaced or absent claim says nothing', () => {
    const s = snapshotOf([makeNode('n1'), makeNode('n2')]);
    s.setClaimNode('default', 'data-web-0', 'n2');
    expect(runFilter(VolumeBinding, withClaims('data-web-0'), s, 'n2')).toEqual({ code: 'Success', reasons: [] });
    expect(runFilter(VolumeBinding, withClaims('data-web-0'), s, 'n1')).toEqual({ code: 'UnschedulableAndUnresolvable', reasons: [ERR_VOLUME_NODE_CONFLICT] });
    expect(runFilter(VolumeBinding, withClaims('new-claim'), s, 'n1').code).toBe('Success');
    expect(runFilter(VolumeBinding, makePod('plain'), s, 'n1').code).toBe('Success');
    s.setClaimNode('other', 'data-web-0', 'n1'); // another namespace's claim of the same name
    expect(runFilter(VolumeBinding, withClaims('data-web-0'), s, 'n1').code).toBe('UnschedulableAndUnresolvable');
  });

  it('claims on two nodes: no node fits', () => {
    const s = snapshotOf([makeNode('n1'), makeNode('n2')]);
    s.setClaimNode('default', 'a', 'n1');
    s.setClaimNode('default', 'b', 'n2');
    expect(schedule(withClaims('a', 'b'), s).type).toBe('Unschedulable');
  });

  it('the default profile sends the pod to its claim\'s node', () => {
    const s = snapshotOf([makeNode('n1'), makeNode('n2'), makeNode('n3')]);
    s.setClaimNode('default', 'data-web-0', 'n3');
    const d = schedule(withClaims('data-web-0'), s);
    expect(d.type === 'Scheduled' && d.nodeName).toBe('n3');
    s.setClaimNode('default', 'data-web-0', undefined);
    expect(schedule(withClaims('data-web-0'), s).type).toBe('Scheduled');
  });
});
