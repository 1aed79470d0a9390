import { spawn } from 'node:child_process';
import path from 'node:path';
import { waitUntil } from '@wake/testing';
import { GatewayHarness } from '../testing/harness';
import { kubectlRunner } from './kubectl';

// `kubectl get pods -w` in the background sees a create, an update and a delete made by another client, in order.
let h: GatewayHarness;
beforeAll(async () => { h = await GatewayHarness.start(); }, 60_000);
afterAll(async () => { await h?.stop(); });

it('streams ADDED, MODIFIED and DELETED to kubectl get -w', async () => {
  const kubectl = kubectlRunner(h.kubeconfig);
  expect((await kubectl(['get', 'pods'])).code).toBe(0); // warms the discovery cache
  const watcher = spawn('kubectl', ['--kubeconfig', h.kubeconfig, '--cache-dir', path.join(h.home, 'kube-cache'), 'get', 'pods', '-w', '--output-watch-events'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  watcher.stdout.on('data', (d) => { out += String(d); });
  watcher.stderr.on('data', (d) => { out += String(d); });
  try {
    await waitUntil(async () => /apiserver_longrunning_requests\{verb="watch",resource="pods"\} 1/.test((await h.request('GET', '/metrics')).text), 10_000, 'the watch to open');
    expect((await kubectl(['run', 'solo', '--image=wake/busybox:1'])).code).toBe(0);
    await waitUntil(() => /ADDED\s+solo/.test(out), 10_000, 'ADDED');
    expect((await kubectl(['label', 'pod', 'solo', 'stage=two'])).code).toBe(0);
    await waitUntil(() => /MODIFIED\s+solo/.test(out), 10_000, 'MODIFIED');
    expect((await kubectl(['delete', 'pod', 'solo', '--wait=false'])).code).toBe(0);
    await waitUntil(() => /DELETED\s+solo/.test(out), 10_000, 'DELETED');
    const events = out.split('\n').map((l) => /^(ADDED|MODIFIED|DELETED)\s+(\S+)\s+\S+\s+(\S+)/.exec(l)).filter(Boolean).map((m) => `${m![1]} ${m![2]}`);
    expect(events).toEqual(['ADDED solo', 'MODIFIED solo', 'DELETED solo']);
    expect(out).toMatch(/EVENT\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
    expect(out).toMatch(/ADDED\s+solo\s+0\/1\s+Pending/);
  } finally {
    watcher.kill('SIGTERM');
  }

});
