import type { KubeObject } from '@wake/events';
import { Informer } from '@wake/runtime';
import { SIMULATED_TOLERATION } from '../../node-agent/src/simulated/objects';
import { isTerminating, type Pod } from './testing/fixtures';
import { ADMIN, Harness } from './testing/harness';

// Real NATS + PostgreSQL, the controllers in-process, simulated nodes binding pods. The test
// plays the node agents' part for the pods' ends: it reports them Succeeded or Failed.
let h: Harness;
let jobs: Informer;
beforeAll(async () => {
  h = await Harness.start();
  jobs = new Informer(h.log, { kind: 'Job' });
  await jobs.start();
}, 60_000);
afterAll(async () => { await jobs?.stop(); await h?.stop(); }, 60_000);

type Job = KubeObject & { status?: { succeeded?: number; failed?: number; active?: number; conditions?: Array<{ type: string; status: string; reason?: string }> } };
const job = (name: string, spec: Record<string, unknown>): KubeObject => ({
  apiVersion: 'batch/v1', kind: 'Job', metadata: { name, namespace: 'default' },
  spec: { ...spec, template: { spec: { restartPolicy: 'Never', tolerations: [SIMULATED_TOLERATION], containers: [{ name: 'c', image: 'wake/busybox:1' }] } } },
});
const podsOf = (name: string) => h.list<Pod>('Pod', 'default', { 'batch.kubernetes.io/job-name': name });
const running = (name: string) => podsOf(name).filter((p) => !isTerminating(p) && p.spec?.nodeName && p.status?.phase === 'Running');
const condition = (name: string, type: string) => (jobs.get('default', name) as Job | undefined)?.status?.conditions?.find((c) => c.type === type && c.status === 'True');

/** Ends a running pod as its node agent would: a status report with a terminal phase. */
async function finish(pod: Pod, phase: 'Succeeded' | 'Failed'): Promise<void> {
  const node = { type: 'node' as const, node: pod.spec!.nodeName! };
  await h.retry(async () => {
    const cur = await h.store.mustGet({ kind: 'Pod', namespace: 'default', name: pod.metadata!.name! });
    await h.store.update({ ...cur, status: { ...(cur.status as object), phase } }, { actor: node, subresource: 'status', intent: 'StatusReported' });
  });
}

it('completes a Job of 5 completions with parallelism 2, never running more than 2 pods at once', async () => {
  await h.store.create(job('five', { completions: 5, parallelism: 2 }), { actor: ADMIN });
  let finished = 0;
  let maxActive = 0;
  while (!condition('five', 'Complete')) {
    await h.until(() => running('five').length > 0 || !!condition('five', 'Complete'), 'a running pod of job five', 30_000);
    const active = running('five');
    maxActive = Math.max(maxActive, podsOf('five').filter((p) => !isTerminating(p) && !['Succeeded', 'Failed'].includes(p.status?.phase ?? '')).length);
    for (const p of active) { await finish(p, 'Succeeded'); finished++; }
    await h.until(() => running('five').every((p) => !active.some((a) => a.metadata?.name === p.metadata?.name)) || !!condition('five', 'Complete'), 'the finished pods to be seen', 10_000);
  }
  const status = (jobs.get('default', 'five') as Job).status!;
  expect(status.succeeded).toBe(5);
  expect(finished).toBe(5);
  expect(maxActive).toBeLessThanOrEqual(2);
  expect(condition('five', 'Complete')).toBeDefined();
}, 120_000);

it('stops a Job whose pods always fail at its backoffLimit, with reason BackoffLimitExceeded', async () => {
  await h.store.create(job('doomed', { backoffLimit: 1 }), { actor: ADMIN });
  const failed = new Set<string>();
  while (!condition('doomed', 'Failed')) {
    await h.until(() => running('doomed').some((p) => !failed.has(p.metadata!.name!)) || !!condition('doomed', 'Failed'), 'a pod of job doomed to fail', 60_000);
    for (const p of running('doomed').filter((x) => !failed.has(x.metadata!.name!))) { await finish(p, 'Failed'); failed.add(p.metadata!.name!); }
  }
  expect(condition('doomed', 'Failed')?.reason).toBe('BackoffLimitExceeded');
  expect(failed.size).toBe(2); // the first pod and one retry: backoffLimit 1
}, 120_000);
