import type { EventLog, KubeObject, StoredEvent } from '@wake/events';
import { ObjectStore, type Actor } from '@wake/store';

const alice: Actor = { type: 'user', name: 'alice' };
const controllers: Actor = { type: 'component', name: 'controllers' };
const scheduler: Actor = { type: 'component', name: 'scheduler' };
const nodeB: Actor = { type: 'node', node: 'node-b' };
const cause = (e: StoredEvent) => ({ causationId: e.id, causationSeq: e.seq, correlationId: e.correlationId });

/** A point of the scenario: the log's sequence then, and what the caller recorded about it. */
export interface ScenarioPoint {
  readonly name: string;
  readonly seq: number;
  readonly time: string;
}

export interface ScenarioEvents {
  deployment: StoredEvent;
  replicaSet: StoredEvent;
  podCreated: StoredEvent;
  bound: StoredEvent;
  running: StoredEvent;
  scaled: StoredEvent;
  crashed: StoredEvent;
  leaseRenewals: StoredEvent[];
  podDeleted: StoredEvent;
}

export const DECISION = {
  decision: {
    pod: 'default/web-7d4b9-x2x4z', chosen: 'node-b', nodesInCluster: 2,
    rejected: { total: 1, groups: [{ plugin: 'NodeResourcesFit', reason: 'Insufficient cpu', count: 1, nodes: ['node-a'] }] },
    scored: { total: 1, weights: { NodeResourcesBalancedAllocation: 1 }, top: [{ node: 'node-b', total: 88, scores: { NodeResourcesBalancedAllocation: 88 } }] },
  },
  scheduler: 'scheduler-0',
};

const template = (image: string) => ({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image }] } });

/**
 * The story the history commands must tell, written through ObjectStore with causation ids as
 * the components set them: alice applies a Deployment → the controllers create its ReplicaSet →
 * the ReplicaSet's pod → the scheduler binds it to node-b (with its decision) → node-b reports it
 * Running → alice scales → the pod crash-loops with exit code 1 → node-b renews its lease (noise)
 * → the pod is removed. `mark(name)` is called at three points, for the caller to record what
 * the projection listed then.
 */
export async function runScenario(log: EventLog, mark: (name: string) => Promise<void>): Promise<ScenarioEvents> {
  const store = new ObjectStore(log);
  const sys: Actor = { type: 'component', name: 'bootstrap' };
  // A log a gateway has bootstrapped holds the namespaces already.
  for (const name of ['default', 'kube-node-lease']) {
    if (!(await store.get({ kind: 'Namespace', namespace: '', name }))) await store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, { actor: sys });
  }
  for (const n of ['node-a', 'node-b']) {
    await store.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: n, labels: { 'kubernetes.io/hostname': n } } }, { actor: { type: 'node', node: n } });
  }
  let lease = await store.create({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'node-b', namespace: 'kube-node-lease' }, spec: { holderIdentity: 'node-b', leaseDurationSeconds: 40, renewTime: new Date().toISOString() } }, { actor: nodeB });

  const last = async (o: KubeObject) => (await log.last({ kind: o.kind, namespace: o.metadata.namespace ?? '', name: o.metadata.name }))!;
  const dep = await store.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
    spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: template('wake/web:1') } }, { actor: alice });
  const deployment = await last(dep);
  const rs = await store.create({ apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: { name: 'web-7d4b9', namespace: 'default', labels: { app: 'web' }, annotations: { 'deployment.kubernetes.io/revision': '1' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: dep.metadata.uid!, controller: true }] },
    spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: template('wake/web:1') } }, { actor: controllers, ...cause(deployment) });
  const replicaSet = await last(rs);
  const pod = await store.create({ apiVersion: 'v1', kind: 'Pod',
    metadata: { name: 'web-7d4b9-x2x4z', namespace: 'default', labels: { app: 'web' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d4b9', uid: rs.metadata.uid!, controller: true }] },
    spec: { containers: [{ name: 'app', image: 'wake/web:1' }] } }, { actor: controllers, ...cause(replicaSet) });
  const podCreated = await last(pod);
  await mark('A');

  const boundObj = await store.update({ ...pod, spec: { ...(pod.spec as object), nodeName: 'node-b' } }, { actor: scheduler, intent: 'Bound', ...cause(podCreated), detail: DECISION });
  const bound = await last(boundObj);
  const started = new Date().toISOString();
  const runningObj = await store.update({ ...boundObj, status: { phase: 'Running', podIP: '10.0.0.7', startTime: started,
    containerStatuses: [{ name: 'app', image: 'wake/web:1', imageID: '', ready: true, restartCount: 0, started: true, state: { running: { startedAt: started } } }] } },
  { actor: nodeB, subresource: 'status', intent: 'StatusReported', ...cause(bound) });
  const running = await last(runningObj);
  await mark('B');

  const depNow = await store.mustGet({ kind: 'Deployment', namespace: 'default', name: 'web' });
  const scaledObj = await store.update({ ...depNow, spec: { ...(depNow.spec as object), replicas: 3 } }, { actor: alice });
  const scaled = await last(scaledObj);
  const crashedObj = await store.update({ ...runningObj, status: { phase: 'Running', podIP: '10.0.0.7', startTime: started,
    containerStatuses: [{ name: 'app', image: 'wake/web:1', imageID: '', ready: false, restartCount: 1, started: false,
      state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 10s restarting failed container' } },
      lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: started, finishedAt: new Date().toISOString() } } }] } },
  { actor: nodeB, subresource: 'status', intent: 'StatusReported', ...cause(running) });
  const crashed = await last(crashedObj);
  const leaseRenewals: StoredEvent[] = [];
  for (let i = 0; i < 3; i++) {
    lease = await store.update({ ...lease, spec: { ...(lease.spec as object), renewTime: new Date(Date.now() + i).toISOString() } }, { actor: nodeB, intent: 'Renewed' });
    leaseRenewals.push(await last(lease));
  }
  await mark('C');

  const removed = await store.delete({ kind: 'Pod', namespace: 'default', name: 'web-7d4b9-x2x4z' }, { actor: alice, gracePeriodSeconds: 0 });
  const podDeleted = await last(removed.object);
  return { deployment, replicaSet, podCreated, bound, running, scaled, crashed, leaseRenewals, podDeleted };
}
