import type { KubeObject } from '@wake/events';
import { ev } from '../testing/events';
import { compareWrites } from './compare-writes';
import { actionSignatures, eventSignature } from './write-signature';

const owner = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: 'u1', controller: true }];
const pod = (name: string, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name, generateName: 'web-abc-', namespace: 'default', labels: { app: 'web', 'pod-template-hash': 'abc' }, ownerReferences: owner, ...extra },
  spec: { containers: [{ name: 'app', image: 'wake/web:1' }] },
});

describe('write signatures', () => {
  it('describe a created pod by owner, template hash and images — not by its generated name or defaults', () => {
    const today = actionSignatures([{ type: 'create', object: pod('web-abc-zzzzz') }, { type: 'requeueAfter', seconds: 1 }]);
    const recorded = eventSignature(ev(9, 'Pod.Created', { ...pod('web-abc-q7x2m', { uid: 'x', creationTimestamp: 'now' }), spec: { containers: [{ name: 'app', image: 'wake/web:1' }], restartPolicy: 'Always' } }));
    expect(today).toEqual(['create Pod web-abc-* owner=ReplicaSet/web-abc pod-template-hash=abc images=wake/web:1']);
    expect(recorded).toBe(today[0]);
  });

  it('name the pod a delete picks, whether the store marked it or removed it', () => {
    expect(actionSignatures([{ type: 'delete', key: { apiVersion: 'v1', kind: 'Pod', name: 'web-abc-1', namespace: 'default' } }])).toEqual(['delete Pod web-abc-1']);
    expect(eventSignature(ev(9, 'Pod.DeletionRequested', pod('web-abc-1')))).toBe('delete Pod web-abc-1');
    expect(eventSignature(ev(9, 'Pod.Deleted', pod('web-abc-1')))).toBe('delete Pod web-abc-1');
  });

  it('keep status counts and conditions, without timestamps or messages', () => {
    const rs = (status: unknown): KubeObject => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-abc', namespace: 'default' }, status });
    const a = eventSignature(ev(9, 'ReplicaSet.StatusUpdated', rs({ replicas: 2, readyReplicas: 1, conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', lastTransitionTime: 't1', message: 'm1' }] })));
    const b = actionSignatures([{ type: 'updateStatus', expectSeq: '3', object: rs({ replicas: 2, readyReplicas: 1, conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', lastTransitionTime: 't2', message: 'm2' }] }) }]);
    expect(b).toEqual([a]);
    expect(a).toBe('status ReplicaSet web-abc replicas=2 labeled=0 ready=1 available=0 observed=0 conditions=ReplicaFailure=True/FailedCreate');
  });
});

describe('compareWrites', () => {
  it('matches equal multisets, and a recording cut short before its status write only', () => {
    expect(compareWrites(['create A', 'create A'], ['create A', 'create A']).match).toBe(true);
    expect(compareWrites(['create A'], ['create A', 'create A'])).toEqual({ match: false, missing: [], extra: ['create A'] });
    expect(compareWrites(['create A'], ['create A', 'status RS x'])).toEqual({ match: true, missing: [], extra: ['status RS x'] });
    expect(compareWrites(['delete Pod p'], [])).toEqual({ match: false, missing: ['delete Pod p'], extra: [] });
  });
});
