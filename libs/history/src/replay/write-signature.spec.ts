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

  it('keep the node a DaemonSet pod is pinned to (affinity or nodeName) and a StatefulSet pod\'s name and revision', () => {
    const dsOwner = [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: 'u2', controller: true }];
    const daemon = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'Pod',
      metadata: { name: 'agent-q7x2m', generateName: 'agent-', namespace: 'default', labels: { 'controller-revision-hash': 'h1' }, ownerReferences: dsOwner },
      spec: { containers: [{ name: 'a', image: 'wake/agent:1' }], ...spec } });
    const pinned = (node: string) => ({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] } } } });
    expect(eventSignature(ev(9, 'Pod.Created', daemon(pinned('n2'))))).toBe('create Pod agent-* owner=DaemonSet/agent revision=h1 node=n2 images=wake/agent:1');
    expect(eventSignature(ev(9, 'Pod.Created', daemon({ nodeName: 'n3' })))).toContain(' node=n3 ');
    const stsPod: KubeObject = { apiVersion: 'v1', kind: 'Pod',
      metadata: { name: 'db-2', namespace: 'default', labels: { 'controller-revision-hash': 'db-abc' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', uid: 'u3', controller: true }] },
      spec: { containers: [{ name: 'c', image: 'postgres:16' }] } };
    expect(actionSignatures([{ type: 'create', object: stsPod }])).toEqual(['create Pod db-2 owner=StatefulSet/db revision=db-abc images=postgres:16']);
  });

  it('keep status counts and conditions, without timestamps or messages', () => {
    const rs = (status: unknown): KubeObject => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-abc', namespace: 'default' }, status });
    const a = eventSignature(ev(9, 'ReplicaSet.StatusUpdated', rs({ replicas: 2, readyReplicas: 1, conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', lastTransitionTime: 't1', message: 'm1' }] })));
    const b = actionSignatures([{ type: 'updateStatus', expectSeq: '3', object: rs({ replicas: 2, readyReplicas: 1, conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', lastTransitionTime: 't2', message: 'm2' }] }) }]);
    expect(b).toEqual([a]);
    expect(a).toBe('status ReplicaSet web-abc replicas=2 labeled=0 ready=1 available=0 observed=0 conditions=ReplicaFailure=True/FailedCreate');
  });

  it('count a Job\'s finishing write (Job.Completed / Job.Failed) as the status write it is', () => {
    const job = (status: unknown): KubeObject => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi', namespace: 'default' }, spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }] } } }, status });
    const done = { succeeded: 1, conditions: [{ type: 'Complete', status: 'True', reason: 'CompletionsReached' }] };
    expect(eventSignature(ev(9, 'Job.Completed', job(done)))).toBe('status Job pi succeeded=1 conditions=Complete=True/CompletionsReached');
    expect(actionSignatures([{ type: 'updateStatus', expectSeq: '3', object: job(done), intent: 'Completed' }])).toEqual([eventSignature(ev(9, 'Job.Completed', job(done)))]);
    expect(eventSignature(ev(9, 'Job.Failed', job({ failed: 2 })))).toBe('status Job pi failed=2');
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
