import type { StoredEvent } from '@wake/events';
import { ev, obj } from '../testing/events';
import { causalChain, chainText, collectAncestors, currentIncarnation } from './causal-chain';

const deploy = ev(1, 'Deployment.Created', obj('Deployment', 'web', { spec: { replicas: 1 } }), { id: 'd1' });
const rs = ev(2, 'ReplicaSet.Created', obj('ReplicaSet', 'web-abc', {}, { ownerReferences: [{ kind: 'Deployment', name: 'web', uid: 'uid-web' }], annotations: { 'deployment.kubernetes.io/revision': '1' } }),
  { id: 'r1', causationId: 'd1', actor: 'system:controllers' });
const podObj = obj('Pod', 'web-abc-x', { spec: {} }, { ownerReferences: [{ kind: 'ReplicaSet', name: 'web-abc', uid: 'uid-web-abc' }] });
const pod = ev(3, 'Pod.Created', podObj, { id: 'p1', causationId: 'r1', actor: 'system:controllers' });
const detail = { decision: { chosen: 'node-b', rejected: { groups: [{ plugin: 'NodeResourcesFit', reason: 'Insufficient cpu', count: 1, nodes: ['node-a'] }] }, scored: { top: [{ node: 'node-b', total: 90, scores: { LeastAllocated: 90 } }] } } };
const bound = ev(5, 'Pod.Bound', { ...podObj, spec: { nodeName: 'node-b' } }, { id: 'p2', causationId: 'p1', actor: 'system:scheduler', detail });
const crashed = ev(7, 'Pod.StatusReported', { ...podObj, spec: { nodeName: 'node-b' }, status: { phase: 'Running', containerStatuses: [{ name: 'app', restartCount: 1, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, reason: 'Error' } } }] } },
  { id: 'p3', causationId: 'p2', actor: 'system:node:node-b' });

describe('the causal chain', () => {
  const all = new Map<string, StoredEvent>([deploy, rs, pod, bound, crashed].map((e) => [e.id, e]));
  const fetch = async (ids: readonly string[]) => ids.map((id) => all.get(id)).filter((e): e is StoredEvent => !!e);

  it('follows causation ids back to the user and tells the story in log order', async () => {
    const own = [pod, bound, crashed];
    const chain = causalChain(own, await collectAncestors(own, fetch));
    expect(chain.map((s) => [s.seq, s.causedBy, s.own])).toEqual([[1, undefined, false], [2, 1, false], [3, 2, true], [5, 3, true], [7, 5, true]]);
    expect(chain.map((s) => s.description)).toEqual([
      'user alice created Deployment default/web',
      'the controllers created ReplicaSet default/web-abc (revision 1), owned by Deployment web',
      'the controllers created Pod default/web-abc-x, owned by ReplicaSet web-abc',
      'the scheduler bound Pod default/web-abc-x to node node-b',
      'the node agent on node-b reported Pod default/web-abc-x: Running, app waiting: CrashLoopBackOff, last exit code 1 (Error), 1 restart',
    ]);
    expect(chain[3].reasons).toEqual(['rejected node-a: NodeResourcesFit: Insufficient cpu', 'chose  node-b: total 90 (LeastAllocated 90)']);
    expect(chainText('Pod default/web-abc-x', chain)).toContain('← #3');
  });

  it('marks a cause that is not retained', async () => {
    const orphan = ev(9, 'Pod.Created', podObj, { id: 'x', causationId: 'gone' });
    const chain = causalChain([orphan], await collectAncestors([orphan], fetch));
    expect(chain).toHaveLength(1);
    expect(chain[0].missingCause).toBe('gone');
  });

  it('takes the current incarnation: events after the last removal', () => {
    const del = ev(8, 'Pod.Deleted', podObj);
    const again = ev(10, 'Pod.Created', podObj);
    expect(currentIncarnation([pod, bound, del, again]).map((e) => e.seq)).toEqual([10]);
    expect(currentIncarnation([pod, bound, del]).map((e) => e.seq)).toEqual([3, 5, 8]);
  });
});
