import fs from 'node:fs';
import path from 'node:path';
import { GatewayHarness } from '../testing/harness';
import { APP_V1, APP_V2 } from './manifests';
import { kubectlRunner, tableRows, type KubectlResult } from './kubectl';

// The acceptance flow with the real kubectl 1.32: apply, get variants, re-apply an edited
// file (strategic merge patch), diff, server-side apply, the three patch types, label, annotate,
// scale, delete -f. No controllers run: the Deployment stays an object.
let h: GatewayHarness;
let kubectl: ReturnType<typeof kubectlRunner>;
let dir: string;
const ok = (r: KubectlResult) => { if (r.code !== 0) throw new Error(`kubectl failed (${r.code}): ${r.stderr}`); return r.stdout; };
const file = (name: string, body: string) => { const f = path.join(dir, name); fs.writeFileSync(f, body); return f; };
const jsonOf = async (...args: string[]) => JSON.parse(ok(await kubectl([...args, '-o', 'json'])));

beforeAll(async () => {
  h = await GatewayHarness.start();
  kubectl = kubectlRunner(h.kubeconfig);
  dir = fs.mkdtempSync(path.join(h.home, 'manifests-'));
}, 60_000);
afterAll(async () => { await h?.stop(); });

it('applies a multi-document manifest and serves get in its usual forms', async () => {
  const v1 = file('app.yaml', APP_V1);
  expect(ok(await kubectl(['apply', '-f', v1])).trim().split('\n')).toEqual([
    'namespace/shop created', 'configmap/web-config created', 'secret/web-secret created', 'deployment.apps/web created', 'service/web created',
  ]);
  const deploys = tableRows(ok(await kubectl(['get', 'deploy', '-n', 'shop'])));
  expect(deploys[0]).toEqual(['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE']);
  expect(deploys[1].slice(0, 4)).toEqual(['web', '0/2', '0', '0']);
  expect(deploys[1][4]).toMatch(/^\d+s$/);
  const wide = tableRows(ok(await kubectl(['get', 'deploy', '-n', 'shop', '-o', 'wide'])));
  expect(wide[0]).toEqual(['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE', 'CONTAINERS', 'IMAGES', 'SELECTOR']);
  expect(wide[1].slice(5)).toEqual(['web', 'wake/web:1', 'app=web']);
  const yaml = ok(await kubectl(['get', 'cm', 'web-config', '-n', 'shop', '-o', 'yaml']));
  expect(yaml).toMatch(/GREETING: hello/);
  expect(yaml).toMatch(/resourceVersion: "\d+"/);
  const all = tableRows(ok(await kubectl(['get', 'cm', '-A'])));
  expect(all[0]).toEqual(['NAMESPACE', 'NAME', 'DATA', 'AGE']);
  expect(all.some((r) => r[0] === 'shop' && r[1] === 'web-config' && r[2] === '2')).toBe(true);
  const labelled = tableRows(ok(await kubectl(['get', 'cm,secret,svc,deploy', '-n', 'shop', '-l', 'app=web', '--show-labels', '--no-headers'])));
  expect(labelled.map((r) => r[0]).sort()).toEqual(['configmap/web-config', 'deployment.apps/web', 'secret/web-secret', 'service/web']);
  expect(labelled.every((r) => r[r.length - 1] === 'app=web')).toBe(true);
  const secret = await jsonOf('get', 'secret', 'web-secret', '-n', 'shop');
  expect(Buffer.from(secret.data.password, 'base64').toString()).toBe('s3cret');
  expect(tableRows(ok(await kubectl(['get', 'svc', 'web', '-n', 'shop'])))[1].slice(0, 2)).toEqual(['web', 'ClusterIP']);
});

it('diffs and re-applies an edited file: new image, an env var and a port removed', async () => {
  const v2 = file('app-v2.yaml', APP_V2);
  const diff = await kubectl(['diff', '-f', v2]);
  expect(diff.code).toBe(1);
  expect(diff.stdout).toMatch(/-\s+image: wake\/web:1\n\+\s+image: wake\/web:2/);
  expect(ok(await kubectl(['apply', '-f', v2]))).toMatch(/deployment.apps\/web configured\nservice\/web unchanged/);
  const d = await jsonOf('get', 'deploy', 'web', '-n', 'shop');
  const c = d.spec.template.spec.containers[0];
  expect(c.image).toBe('wake/web:2');
  expect(c.env).toEqual([{ name: 'MODE', value: 'prod' }]);
  expect(c.ports.map((p: { containerPort: number }) => p.containerPort)).toEqual([8080]);
  expect(d.metadata.generation).toBe(2);
  expect((await kubectl(['diff', '-f', v2])).code).toBe(0);
});

it('applies server-side, reporting a conflict with another manager unless forced', async () => {
  const v2 = path.join(dir, 'app-v2.yaml');
  expect(ok(await kubectl(['apply', '--server-side', '-f', v2]))).toMatch(/deployment.apps\/web serverside-applied/);
  ok(await kubectl(['scale', 'deploy/web', '-n', 'shop', '--replicas=4']));
  const conflict = await kubectl(['apply', '--server-side', '-f', v2]);
  expect(conflict.code).not.toBe(0);
  expect(conflict.stderr).toMatch(/Apply failed with 1 conflict: conflict with "kubectl" using apps\/v1: \.spec\.replicas/);
  ok(await kubectl(['apply', '--server-side', '--force-conflicts', '-f', v2]));
  const d = await jsonOf('get', 'deploy', 'web', '-n', 'shop', '--show-managed-fields');
  expect(d.spec.replicas).toBe(2);
  expect(d.metadata.managedFields.find((m: { manager: string; operation: string }) => m.manager === 'kubectl' && m.operation === 'Apply').fieldsV1['f:spec']['f:replicas']).toEqual({});
});

it('patches with strategic merge, merge and JSON patches, labels, annotates and scales', async () => {
  ok(await kubectl(['patch', 'deploy', 'web', '-n', 'shop', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"wake/web:3"}]}}}}']));
  ok(await kubectl(['patch', 'deploy', 'web', '-n', 'shop', '--type=merge', '-p', '{"spec":{"minReadySeconds":5}}']));
  ok(await kubectl(['patch', 'deploy', 'web', '-n', 'shop', '--type=json', '-p', '[{"op":"add","path":"/metadata/labels/tier","value":"fe"}]']));
  expect(ok(await kubectl(['label', 'cm', 'web-config', '-n', 'shop', 'env=prod']))).toMatch(/labeled/);
  expect(ok(await kubectl(['annotate', 'cm', 'web-config', '-n', 'shop', 'owner=alice']))).toMatch(/annotated/);
  expect(ok(await kubectl(['scale', 'deploy/web', '-n', 'shop', '--replicas=3']))).toMatch(/scaled/);
  const d = await jsonOf('get', 'deploy', 'web', '-n', 'shop');
  expect([d.spec.template.spec.containers[0].image, d.spec.minReadySeconds, d.metadata.labels.tier, d.spec.replicas]).toEqual(['wake/web:3', 5, 'fe', 3]);
  const cm = await jsonOf('get', 'cm', 'web-config', '-n', 'shop');
  expect([cm.metadata.labels.env, cm.metadata.annotations.owner]).toEqual(['prod', 'alice']);
  const failed = await kubectl(['patch', 'deploy', 'nope', '-n', 'shop', '-p', '{}']);
  expect(failed.stderr).toMatch(/Error from server \(NotFound\): deployments.apps "nope" not found/);
});

it('deletes what the file created', async () => {
  // The Namespace keeps its `kubernetes` finalizer until the namespace controller (not run here) empties it.
  const out = ok(await kubectl(['delete', '-f', path.join(dir, 'app-v2.yaml'), '--wait=false']));
  expect(out).toMatch(/namespace "shop" deleted[\s\S]*deployment.apps "web" deleted[\s\S]*service "web" deleted/);
  expect(ok(await kubectl(['get', 'all,cm,secret', '-n', 'shop', '--no-headers', '--ignore-not-found']))).toBe('');
  expect(tableRows(ok(await kubectl(['get', 'ns', 'shop', '--no-headers'])))[0][1]).toBe('Terminating');
});
