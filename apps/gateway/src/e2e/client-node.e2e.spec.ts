import { execFile } from 'node:child_process';
import path from 'node:path';
import { GatewayHarness } from '../testing/harness';

// @kubernetes/client-node (v2, ESM) lists, creates and watches through the gateway with the written kubeconfig.
let h: GatewayHarness;
beforeAll(async () => { h = await GatewayHarness.start(); }, 60_000);
afterAll(async () => { await h?.stop(); });

it('lists, creates, patches, deletes and watches with @kubernetes/client-node', async () => {
  const out = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, [path.join(__dirname, 'client-node.mjs'), h.kubeconfig], { timeout: 60_000, cwd: path.resolve(__dirname, '../../../..') },
      (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)));
  });
  const r = JSON.parse(out);
  expect(r.namespaces).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
  expect(Number(r.listResourceVersion)).toBeGreaterThan(0);
  expect(r.created).toMatchObject({ name: 'from-client-node', uid: true });
  expect(r.events).toEqual(['ADDED from-client-node', 'MODIFIED from-client-node', 'DELETED from-client-node']);
  expect(r.after).toEqual([]);
});
