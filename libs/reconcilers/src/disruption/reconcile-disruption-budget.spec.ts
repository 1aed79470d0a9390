import type { Deployment, ReplicaSet } from '../common/wire';
import type { StatefulSet } from '../statefulset/types';
import { at, iso, ofType, pod, replicaSet, type PodOpts } from '../testing/fixtures';
import { budgetStatus, DELETION_TIMEOUT_MS } from './budget-status';
import { reconcileDisruptionBudget } from './reconcile-disruption-budget';
import type { PodDisruptionBudget } from './types';

const now = at(600);
const budget = (spec: Record<string, unknown>, extra: Partial<PodDisruptionBudget> = {}): PodDisruptionBudget => ({
  apiVersion: 'policy/v1', kind: 'PodDisruptionBudget',
  metadata: { name: 'web', namespace: 'default', uid: 'uid-pdb', generation: 2, resourceVersion: '40' },
  spec: { selector: { matchLabels: { app: 'web' } }, ...spec },
  ...extra,
});
const deployment = (replicas: number): Deployment => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', uid: 'uid-deploy' }, spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: {} } });
const rsOf = (name: string, replicas: number, owned: boolean): ReplicaSet => {
  const rs = replicaSet({ name, replicas });
  if (owned) rs.metadata!.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'uid-deploy', controller: true }];
  return rs;
};
const set = (replicas: number): StatefulSet => ({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', namespace: 'default', uid: 'uid-db' }, spec: { replicas, serviceName: 'db', selector: { matchLabels: { app: 'web' } }, template: {} } });
const byRs = (name: string, o: Partial<PodOpts> = {}) => pod({ name, owner: { kind: 'ReplicaSet', name: 'web-abc', uid: 'uid-web-abc' }, ...o });
const none = { replicaSets: [], deployments: [], statefulSets: [] };
const counts = (s: ReturnType<typeof budgetStatus>['status']) =>
  [s.expectedPods, s.currentHealthy, s.desiredHealthy, s.disruptionsAllowed];

describe('budgetStatus: expectedPods, currentHealthy, desiredHealthy, disruptionsAllowed', () => {
  const deployed = { replicaSets: [rsOf('web-abc', 3, true)], deployments: [deployment(4)], statefulSets: [] };
  it.each<[string, Record<string, unknown>, Parameters<typeof budgetStatus>[1], Parameters<typeof budgetStatus>[2], number[]]>([
    ['minAvailable 2 of 2 ready: nothing to spare', { minAvailable: 2 }, [byRs('a'), byRs('b')], none, [2, 2, 2, 0]],
    ['minAvailable 1 of 2 ready', { minAvailable: 1 }, [byRs('a'), byRs('b')], none, [2, 2, 1, 1]],
    ['an integer minAvailable counts the selected pods, unready ones too', { minAvailable: 1 }, [byRs('a'), byRs('b', { ready: false })], none, [2, 1, 1, 0]],
    ['deleting pods are not healthy', { minAvailable: 1 }, [byRs('a'), byRs('b', { deleting: true })], none, [2, 1, 1, 0]],
    ['pods the selector does not select are not counted', { minAvailable: 1 }, [byRs('a'), byRs('b', { labels: { app: 'db' } })], none, [1, 1, 1, 0]],
    ['pods of another namespace are not counted', { minAvailable: 0 }, [byRs('a'), byRs('b', { namespace: 'other' })], none, [1, 1, 0, 1]],
    ['no pods: nothing expected, nothing allowed', { minAvailable: 0 }, [], none, [0, 0, 0, 0]],
    ['a percent minAvailable counts against the Deployment (not the ReplicaSet), rounded up', { minAvailable: '50%' }, [byRs('a'), byRs('b'), byRs('c')], deployed, [4, 3, 2, 1]],
    ['maxUnavailable against the scale', { maxUnavailable: 1 }, [byRs('a'), byRs('b'), byRs('c')], deployed, [4, 3, 3, 0]],
    ['a percent maxUnavailable is rounded up: 25% of 4 is 1', { maxUnavailable: '25%' }, [byRs('a'), byRs('b'), byRs('c'), byRs('d')], deployed, [4, 4, 3, 1]],
    ['maxUnavailable 30% of 4 rounds up to 2', { maxUnavailable: '30%' }, [byRs('a'), byRs('b'), byRs('c'), byRs('d')], deployed, [4, 4, 2, 2]],
    ['a ReplicaSet of its own counts its own scale', { maxUnavailable: 1 }, [byRs('a'), byRs('b')], { ...none, replicaSets: [rsOf('web-abc', 2, false)] }, [2, 2, 1, 1]],
    ['a StatefulSet counts its scale', { maxUnavailable: '50%' }, [pod({ name: 'db-0', owner: { kind: 'StatefulSet', name: 'db', uid: 'uid-db' } })], { ...none, statefulSets: [set(3)] }, [3, 1, 1, 0]],
    ['two ReplicaSets of one Deployment count the Deployment once', { maxUnavailable: 0 }, [byRs('a'), pod({ name: 'b', owner: { kind: 'ReplicaSet', name: 'web-new', uid: 'uid-web-new' } })],
      { replicaSets: [rsOf('web-abc', 1, true), rsOf('web-new', 1, true)], deployments: [deployment(2)], statefulSets: [] }, [2, 2, 2, 0]],
    ['unmanaged pods are left out of the scale', { maxUnavailable: 0 }, [byRs('a'), pod({ name: 'solo' })], deployed, [4, 2, 4, 0]],
    ['neither minAvailable nor maxUnavailable: nothing allowed', {}, [byRs('a')], none, [0, 1, 0, 0]],
  ])('%s', (_name, spec, pods, src, expected) => {
    expect(counts(budgetStatus(budget(spec), pods, src, now).status)).toEqual(expected);
  });

  it('a nil selector selects nothing, an empty one every pod of the namespace', () => {
    const pods = [byRs('a'), byRs('b', { labels: { app: 'db' } })];
    expect(budgetStatus(budget({ minAvailable: 0, selector: undefined }), pods, none, now).status.expectedPods).toBe(0);
    expect(budgetStatus(budget({ minAvailable: 0, selector: {} }), pods, none, now).status.expectedPods).toBe(2);
  });

  it('sets observedGeneration and the DisruptionAllowed condition', () => {
    const allowed = budgetStatus(budget({ minAvailable: 1 }), [byRs('a'), byRs('b')], none, now).status;
    expect(allowed.observedGeneration).toBe(2);
    expect(allowed.conditions).toEqual([{ type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods', message: '', observedGeneration: 2, lastTransitionTime: iso(600) }]);
    const refused = budgetStatus(budget({ minAvailable: 2 }, { status: allowed }), [byRs('a'), byRs('b')], none, at(700)).status;
    expect(refused.conditions).toEqual([{ type: 'DisruptionAllowed', status: 'False', reason: 'InsufficientPods', message: '', observedGeneration: 2, lastTransitionTime: iso(700) }]);
    // the same status again keeps its transition time
    expect(budgetStatus(budget({ minAvailable: 2 }, { status: refused }), [byRs('a'), byRs('b')], none, at(800)).status.conditions![0].lastTransitionTime).toBe(iso(700));
  });

  it('fails safe when a pod\'s controller is unknown: nothing allowed, SyncFailed', () => {
    const r = budgetStatus(budget({ maxUnavailable: 1 }, { status: { disruptionsAllowed: 3, observedGeneration: 1, currentHealthy: 3, desiredHealthy: 0, expectedPods: 3 } }), [byRs('a')], none, now);
    expect(r.error).toBe('found no controllers for pod "a"');
    expect(r.status).toMatchObject({ disruptionsAllowed: 0, observedGeneration: 1, currentHealthy: 3 });
    expect(r.status.conditions).toEqual([expect.objectContaining({ type: 'DisruptionAllowed', status: 'False', reason: 'SyncFailed', message: 'found no controllers for pod "a"' })]);
  });
});

describe('budgetStatus: disruptedPods (evictions approved, not yet seen deleting)', () => {
  const withDisrupted = (disruptedPods: Record<string, string>) => budget({ minAvailable: 1 }, { status: { disruptedPods: disruptedPods as never, observedGeneration: 2 } });

  it('a recent entry keeps its pod out of currentHealthy and asks for a recheck when it expires', () => {
    const r = budgetStatus(withDisrupted({ a: iso(590) }), [byRs('a'), byRs('b'), byRs('c')], none, now);
    expect(r.status.disruptedPods).toEqual({ a: iso(590) });
    expect(counts(r.status)).toEqual([3, 2, 1, 1]);
    expect(r.recheckAt).toBe(at(590).getTime() + DELETION_TIMEOUT_MS);
  });

  it('drops entries of pods being deleted, gone, or overdue', () => {
    const r = budgetStatus(withDisrupted({ a: iso(590), gone: iso(590), late: iso(300) }), [byRs('a', { deleting: true }), byRs('late')], none, now);
    expect(r.status.disruptedPods).toBeUndefined();
    expect(counts(r.status)).toEqual([2, 1, 1, 0]);
    expect(r.recheckAt).toBeUndefined();
  });
});

describe('reconcileDisruptionBudget', () => {
  const pods = [byRs('a'), byRs('b')];
  it('writes the status at the version read, with StatusUpdated', () => {
    const actions = reconcileDisruptionBudget(budget({ minAvailable: 2 }), { pods, ...none }, now);
    const [write] = ofType(actions, 'updateStatus');
    expect(write.expectSeq).toBe('40');
    expect(write.intent).toBe('StatusUpdated');
    expect(write.object.status).toMatchObject({ expectedPods: 2, currentHealthy: 2, desiredHealthy: 2, disruptionsAllowed: 0, observedGeneration: 2 });
    expect(actions).toHaveLength(1);
  });

  it('writes nothing when the status is current', () => {
    const first = ofType(reconcileDisruptionBudget(budget({ minAvailable: 1 }), { pods, ...none }, now), 'updateStatus')[0].object as PodDisruptionBudget;
    expect(reconcileDisruptionBudget(first, { pods, ...none }, at(900))).toEqual([]);
  });

  it('records a Warning when the count fails, and requeues for an expiring disruptedPods entry', () => {
    const failed = reconcileDisruptionBudget(budget({ maxUnavailable: 1 }), { pods, ...none }, now);
    expect(ofType(failed, 'event')).toEqual([expect.objectContaining({ eventType: 'Warning', reason: 'CalculateExpectedPodCountFailed' })]);
    const pending = reconcileDisruptionBudget(budget({ minAvailable: 0 }, { status: { disruptedPods: { a: iso(590) } as never } }), { pods, ...none }, now);
    expect(ofType(pending, 'requeueAfter')).toEqual([{ type: 'requeueAfter', seconds: 110 }]);
  });

  it('leaves a budget being deleted alone', () => {
    expect(reconcileDisruptionBudget(budget({ minAvailable: 1 }, { metadata: { name: 'web', namespace: 'default', deletionTimestamp: iso(1) } }), { pods, ...none }, now)).toEqual([]);
  });
});
