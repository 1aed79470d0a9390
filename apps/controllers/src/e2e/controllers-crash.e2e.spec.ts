import { execFileSync } from 'node:child_process';
import { TestCluster, waitUntil } from '@wake/testing';

// Issue 6: kill -9 the controllers service in the middle of a rolling update of 20 replicas
// (real node agents, real containers, the real kubectl), restart it: the rollout completes.
let c: TestCluster;
beforeAll(async () => {
  execFileSync('docker', ['tag', 'wake/web:1', 'wake/web:2']);
  c = await TestCluster.start({ nodes: 2, env: { node: { WAKE_NODE_MAX_PODS: '40' } } });
}, 180_000);
afterAll(async () => { await c?.stop(); }, 180_000);

const manifest = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: big }
spec:
  replicas: 20
  selector: { matchLabels: { app: big } }
  template:
    metadata: { labels: { app: big } }
    spec:
      terminationGracePeriodSeconds: 1
      containers: [{ name: web, image: wake/web:1, imagePullPolicy: Never }]
`;
async function state(): Promise<{ ready: number; byImage: Record<string, number> }> {
  const live = (await c.pods('app=big')).filter((p) => !p.terminating);
  const byImage: Record<string, number> = {};
  for (const p of live) byImage[p.image] = (byImage[p.image] ?? 0) + 1;
  return { ready: live.filter((p) => p.ready).length, byImage };
}

it('completes a rolling update of 20 replicas after the controllers are killed in the middle of it', async () => {
  expect((await c.kubectl(['apply', '-f', '-'], { input: manifest })).code).toBe(0);
  await waitUntil(async () => { const s = await state(); return s.ready === 20 && s.byImage['wake/web:1'] === 20; }, 240_000, '20 ready pods of wake/web:1');

  expect((await c.kubectl(['set', 'image', 'deployment/big', 'web=wake/web:2'])).code).toBe(0);
  await waitUntil(async () => ((await state()).byImage['wake/web:2'] ?? 0) >= 4, 120_000, 'the rollout to be under way');
  await c.kill('controllers', 'SIGKILL');
  const atKill = await state();
  expect(atKill.byImage['wake/web:2'] ?? 0).toBeLessThan(20);
  c.restart('controllers');

  const status = await c.kubectl(['rollout', 'status', 'deployment/big', '--timeout=300s'], { timeoutMs: 320_000 });
  expect(status.stdout).toContain('successfully rolled out');
  await waitUntil(async () => { const s = await state(); return s.ready === 20 && s.byImage['wake/web:2'] === 20 && !s.byImage['wake/web:1']; }, 120_000, '20 ready pods of wake/web:2 and none of the old image');
  const rs = JSON.parse((await c.kubectl(['get', 'rs', '-l', 'app=big', '-o', 'json'])).stdout).items as any[];
  expect(rs.map((r) => r.spec.replicas).sort((a: number, b: number) => a - b)).toEqual([0, 20]);
}, 900_000);
