import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import Docker from 'dockerode';
import type { EndpointSlice, Service } from '@wake/services';
import { ServiceProxy } from './service-proxy';
import { get, loopbackBlock } from './test-backends';

// Real pods: two wake/web:1 containers (busybox httpd answering the hostname) on a bridge network this
// test creates; the proxy forwards from a loopback node address to their container IPs. Everything this
// test creates carries its label and is removed at the end.
const LABEL = 'wake.test';
const run = `services-${randomUUID().slice(0, 8)}`;
const docker = new Docker();
const node = loopbackBlock(0)(7);
const NODE_PORT = 30000 + Math.floor(Math.random() * 2700);
let network: Docker.Network;
const pods: Array<{ name: string; ip: string }> = [];
let proxy: ServiceProxy;

const service: Service = {
  apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' },
  spec: { type: 'NodePort', clusterIP: loopbackBlock(100)(7), ports: [{ port: 8080, targetPort: 80, protocol: 'TCP', nodePort: NODE_PORT }] },
};
const slice = (ready: Array<{ ip: string }>): EndpointSlice => ({
  apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
  metadata: { name: 'web-x', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
  ports: [{ name: '', port: 80, protocol: 'TCP' }],
  endpoints: ready.map((p) => ({ addresses: [p.ip], conditions: { ready: true } })),
});

beforeAll(async () => {
  execFileSync('bash', [path.join(__dirname, '../../../../scripts/build-images.sh')], { stdio: 'ignore' });
  network = await docker.createNetwork({ Name: run, Driver: 'bridge', Labels: { [LABEL]: run } });
  for (const name of ['web-1', 'web-2']) {
    const c = await docker.createContainer({ Image: 'wake/web:1', Cmd: ['web'], Hostname: name, Labels: { [LABEL]: run }, HostConfig: { NetworkMode: run } });
    await c.start();
    const info = await c.inspect();
    pods.push({ name, ip: info.NetworkSettings.Networks[run].IPAddress });
  }
  proxy = new ServiceProxy({ nodeAddress: node });
}, 120_000);

afterAll(async () => {
  await proxy?.close();
  const list = await docker.listContainers({ all: true, filters: { label: [`${LABEL}=${run}`] } });
  await Promise.all(list.map((c) => docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined)));
  await network?.remove().catch(() => undefined);
});

async function answers(n: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push((await get(node, NODE_PORT)).trim());
  return out;
}

it('reaches both containers through the NodePort, then only the one left', async () => {
  await proxy.sync([service], [slice(pods)]);
  const deadline = Date.now() + 10_000; // httpd needs a moment to start
  while (Date.now() < deadline && !(await answers(1).then(() => true, () => false))) await new Promise((r) => setTimeout(r, 200));
  expect(new Set(await answers(6))).toEqual(new Set(['web-1', 'web-2']));
  await proxy.sync([service], [slice([pods[0]])]);
  expect(new Set(await answers(4))).toEqual(new Set(['web-1']));
});
