import { GatewayHarness } from '../testing/harness';
import { kubectlRunner, type KubectlResult } from './kubectl';

// The history API next to the real kubectl 1.32: discovery with the extra group leaves kubectl's
// resource mapping alone (api-resources, get all, short names), and `kubectl get --raw` reads
// the history endpoints through the same kubeconfig and token.
let h: GatewayHarness;
let kubectl: ReturnType<typeof kubectlRunner>;
const ok = (r: KubectlResult) => { if (r.code !== 0) throw new Error(`kubectl failed (${r.code}): ${r.stderr}`); return r.stdout; };

beforeAll(async () => {
  h = await GatewayHarness.start();
  kubectl = kubectlRunner(h.kubeconfig);
}, 60_000);
afterAll(async () => { await h?.stop(); });

it('lists the history resources in api-resources, and nothing else changes for kubectl', async () => {
  const resources = ok(await kubectl(['api-resources']));
  expect(resources).toMatch(/^state\s+history\.wake\.dev\/v1\s+true\s+State$/m);
  expect(resources).toMatch(/^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m);
  const listable = ok(await kubectl(['api-resources', '--verbs=list', '-o', 'name'])).trim().split('\n');
  expect(listable.filter((r) => r.endsWith('history.wake.dev'))).toEqual([]);
  expect(ok(await kubectl(['create', 'configmap', 'cm-1', '--from-literal=a=1', '-o', 'name', '--dry-run=client']))).toBe('configmap/cm-1\n');
  ok(await kubectl(['apply', '-f', '-'], { input: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-1\ndata:\n  a: "1"\n' }));
  expect(ok(await kubectl(['get', 'cm', 'cm-1', '-o', 'name']))).toBe('configmap/cm-1\n');
  expect((await kubectl(['get', 'all'])).code).toBe(0);
});

it('reads the history endpoints with kubectl get --raw', async () => {
  ok(await kubectl(['label', 'configmap', 'cm-1', 'tier=web']));
  const history = JSON.parse(ok(await kubectl(['get', '--raw', '/apis/history.wake.dev/v1/namespaces/default/configmaps/cm-1/revisions'])));
  expect(history.revisions.map((r: { type: string; actor: string }) => `${r.type} ${r.actor}`)).toEqual(['ConfigMap.Created user:wake-admin', 'ConfigMap.MetadataUpdated user:wake-admin']);
  const missing = await kubectl(['get', '--raw', '/apis/history.wake.dev/v1/namespaces/default/configmaps/nope/why']);
  expect(missing.code).not.toBe(0);
  expect(missing.stderr).toContain('NotFound');
});
