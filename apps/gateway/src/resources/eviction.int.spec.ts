import { GatewayHarness } from '../testing/harness';

// The eviction subresource against PodDisruptionBudgets, over HTTPS against real NATS + PostgreSQL + the
// projector. No controllers run here: each budget's status is written by hand, as the disruption
// controller would (the e2e in kubectl-create-protobuf.e2e.spec.ts runs the whole cluster with kubectl drain).
let h: GatewayHarness;
beforeAll(async () => { h = await GatewayHarness.start(); }, 60_000);
afterAll(async () => { await h?.stop(); });

const NS = '/api/v1/namespaces/default';
const PDBS = '/apis/policy/v1/namespaces/default/poddisruptionbudgets';
type Status = Record<string, unknown>;

async function runningPod(name: string, labels: Record<string, string>, ready = true): Promise<void> {
  const created = await h.request('POST', `${NS}/pods`, { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers: [{ name: 'c', image: 'wake/web:1' }] } });
  expect(created.status).toBe(201);
  const pod = created.json();
  pod.status = { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] };
  expect((await h.request('PUT', `${NS}/pods/${name}/status`, pod)).status).toBe(200);
}
async function budget(name: string, app: string, status?: Status): Promise<void> {
  const created = await h.request('POST', PDBS, { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name }, spec: { minAvailable: 1, selector: { matchLabels: { app } } } });
  expect(created.status).toBe(201);
  if (status) await setStatus(name, status);
}
async function setStatus(name: string, status: Status): Promise<void> {
  const pdb = (await h.request('GET', `${PDBS}/${name}`)).json();
  const res = await h.request('PUT', `${PDBS}/${name}/status`, { ...pdb, status: { observedGeneration: pdb.metadata.generation, ...status } });
  expect(res.status).toBe(200);
}
const evict = (pod: string, query = '', deleteOptions?: unknown) =>
  h.request('POST', `${NS}/pods/${pod}/eviction${query}`, { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: pod, namespace: 'default' }, ...(deleteOptions ? { deleteOptions } : {}) });
const exists = async (pod: string) => (await h.request('GET', `${NS}/pods/${pod}`)).status === 200;
const pdbStatus = async (name: string) => (await h.request('GET', `${PDBS}/${name}`)).json().status;

it('a new budget starts without the status a client sent, at generation 1; unknown fields are refused', async () => {
  const created = await h.request('POST', PDBS, {
    apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'fresh' },
    spec: { maxUnavailable: '50%', selector: { matchLabels: { app: 'fresh' } } }, status: { disruptionsAllowed: 5 },
  });
  expect(created.status).toBe(201);
  expect(created.json().metadata.generation).toBe(1);
  expect(created.json().status).toBeUndefined();
  const strict = await h.request('POST', `${PDBS}?fieldValidation=Strict`, {
    apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'typo' }, spec: { minAvailabel: 1 },
  });
  expect(strict.status).toBe(400);
  expect(strict.json().message).toMatch(/unknown field "spec.minAvailabel"/);
  const invalid = await h.request('POST', PDBS, { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'both' }, spec: { minAvailable: 1, maxUnavailable: 1 } });
  expect(invalid.status).toBe(422);
});

it('429 while the budget is not yet processed or allows nothing; the pod stays', async () => {
  await runningPod('a-1', { app: 'a' });
  await budget('a', 'a');
  const unprocessed = await evict('a-1');
  expect(unprocessed.status).toBe(429);
  expect(unprocessed.json()).toMatchObject({
    kind: 'Status', status: 'Failure', reason: 'TooManyRequests', code: 429,
    message: "Cannot evict pod as it would violate the pod's disruption budget.",
    details: { causes: [{ reason: 'DisruptionBudget', message: 'The disruption budget a is still being processed by the server.' }], retryAfterSeconds: 10 },
  });
  await setStatus('a', { expectedPods: 1, currentHealthy: 1, desiredHealthy: 1, disruptionsAllowed: 0 });
  const refused = await evict('a-1');
  expect(refused.status).toBe(429);
  expect(refused.json().details.causes).toEqual([{ reason: 'DisruptionBudget', message: 'The disruption budget a needs 1 healthy pods and has 1 currently' }]);
  expect(await exists('a-1')).toBe(true);
});

it('with a disruption allowed: a dry run changes nothing; the eviction takes the disruption, then deletes the pod', async () => {
  await runningPod('b-1', { app: 'b' });
  await runningPod('b-2', { app: 'b' });
  await budget('b', 'b', { expectedPods: 2, currentHealthy: 2, desiredHealthy: 1, disruptionsAllowed: 1 });
  const before = await pdbStatus('b');
  expect((await evict('b-1', '?dryRun=All')).status).toBe(201);
  expect((await evict('b-1', '', { dryRun: ['All'] })).status).toBe(201);
  expect(await pdbStatus('b')).toEqual(before);
  expect(await exists('b-1')).toBe(true);

  const ok = await evict('b-1');
  expect(ok.status).toBe(201);
  expect(ok.json()).toMatchObject({ kind: 'Status', status: 'Success' });
  expect(await exists('b-1')).toBe(false);
  const after = await pdbStatus('b');
  expect(after.disruptionsAllowed).toBe(0);
  expect(Object.keys(after.disruptedPods)).toEqual(['b-1']);
  expect(after.conditions).toEqual([expect.objectContaining({ type: 'DisruptionAllowed', status: 'False', reason: 'InsufficientPods' })]);
  expect((await evict('b-2')).status).toBe(429);
  expect(await exists('b-2')).toBe(true);
});

it('an unready pod goes without using the budget while the budget is met; a Pending pod goes regardless', async () => {
  await runningPod('c-1', { app: 'c' });
  await runningPod('c-2', { app: 'c' }, false);
  await budget('c', 'c', { expectedPods: 2, currentHealthy: 1, desiredHealthy: 1, disruptionsAllowed: 0 });
  expect((await evict('c-2')).status).toBe(201);
  expect(await exists('c-2')).toBe(false);
  expect((await pdbStatus('c')).disruptionsAllowed).toBe(0);
  expect((await h.request('POST', `${NS}/pods`, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'c-3', labels: { app: 'c' } }, spec: { containers: [{ name: 'c', image: 'wake/web:1' }] } })).status).toBe(201);
  expect((await evict('c-3')).status).toBe(201);
  expect(await exists('c-3')).toBe(false);
  expect((await evict('c-1')).status).toBe(429);
});

it('500 when more than one budget selects the pod', async () => {
  await runningPod('d-1', { app: 'd' });
  await budget('d', 'd', { expectedPods: 1, currentHealthy: 1, desiredHealthy: 0, disruptionsAllowed: 1 });
  await budget('d-again', 'd', { expectedPods: 1, currentHealthy: 1, desiredHealthy: 0, disruptionsAllowed: 1 });
  const r = await evict('d-1');
  expect(r.status).toBe(500);
  expect(r.json()).toMatchObject({ status: 'Failure', code: 500, message: 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.' });
  expect(await exists('d-1')).toBe(true);
});
