import type { ExecRequest, LogRequest } from '@wake/node-api';
import { waitUntil } from '@wake/testing';
import { kubectlRunner } from '../e2e/kubectl';
import { startFakeNodeAgent } from '../testing/fake-node-agent';
import { GatewayHarness } from '../testing/harness';
import { openStream } from '../testing/stream-client';

// pods/log and pods/exec through the gateway to a node agent over NATS (libs/node-api), here a
// scripted responder on real NATS; exec and logs are driven by the real kubectl.
let h: GatewayHarness;
let agent: ReturnType<typeof startFakeNodeAgent>;
let kubectl: ReturnType<typeof kubectlRunner>;
beforeAll(async () => {
  h = await GatewayHarness.start();
  agent = startFakeNodeAgent(h.nc, 'node-1');
  kubectl = kubectlRunner(h.kubeconfig);
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'solo' }, spec: { nodeName: 'node-1', containers: [{ name: 'main', image: 'wake/busybox:1' }] } };
  expect((await h.request('POST', '/api/v1/namespaces/default/pods', pod)).status).toBe(201);
}, 60_000);
afterAll(async () => { agent?.stop(); await h?.stop(); });

it('serves logs with their parameters, as kubectl logs asks', async () => {
  const r = await kubectl(['logs', 'solo', '--tail=2', '--timestamps']);
  expect(r.stdout).toBe('2026-01-01T00:00:00Z line 2\n2026-01-01T00:00:00Z line 3\n');
  const req = agent.requests.at(-1) as LogRequest;
  expect(req).toMatchObject({ namespace: 'default', pod: 'solo', container: 'main', tailLines: 2, timestamps: true, follow: false });
  expect((await kubectl(['logs', 'solo', '-c', 'nope'])).stderr).toMatch(/container nope is not valid for pod solo/);
  const missing = await h.request('GET', '/api/v1/namespaces/default/pods/nope/log');
  expect(missing.json()).toMatchObject({ code: 404, reason: 'NotFound' });
});

it('streams a follow with flushed headers until the client goes away, then cancels at the agent', async () => {
  const s = await openStream(h, '/api/v1/namespaces/default/pods/solo/log?follow=true&container=main');
  expect(s.status).toBe(200);
  expect(await s.waitForLines(5)).toEqual(['line 1', 'line 2', 'line 3', 'line 4', 'line 5']);
  s.close();
  await waitUntil(async () => !/apiserver_longrunning_requests\{verb="get",resource="pods\/log"\} 1/.test((await h.request('GET', '/metrics')).text), 5000, 'the stream to end');
});

it('runs exec over WebSocket v5 with stdin, stdout, stderr and the exit code', async () => {
  const ok = await kubectl(['exec', '-i', 'solo', '--', 'cat', '0'], { input: 'hello exec\n' });
  expect(ok.stdout).toBe('HELLO EXEC\n');
  expect(ok.stderr).toMatch(/running cat 0/);
  expect(ok.code).toBe(0);
  const failed = await kubectl(['exec', 'solo', '--', 'false', '3']);
  expect(failed.code).toBe(3);
  expect(failed.stderr).toMatch(/command terminated with exit code 3/);
  expect(agent.requests.filter((r): r is ExecRequest => 'session' in r).map((r) => [r.command, r.stdin, r.container])).toEqual([
    [['cat', '0'], true, 'main'], [['false', '3'], false, 'main'],
  ]);
});
