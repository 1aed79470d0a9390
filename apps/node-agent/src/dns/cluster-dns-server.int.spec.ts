import { Resolver } from 'node:dns/promises';
import net from 'node:net';
import * as dnsPacket from 'dns-packet';
import type { EndpointSlice, Service } from '@wake/services';
import { loopbackBlock } from '../proxy/test-backends';
import { ClusterDnsServer } from './cluster-dns-server';

// The server listens on a random 127.x address and a free port; queries go only there.
const host = loopbackBlock(53)(0);
let server: ClusterDnsServer;
let resolver: Resolver;

const svc = (name: string, spec: Service['spec']): Service => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec });
const slice = (service: string, endpoints: Array<{ ip: string; hostname?: string; ready?: boolean }>, ports: EndpointSlice['ports'] = []): EndpointSlice => ({
  apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
  metadata: { name: `${service}-x`, namespace: 'default', labels: { 'kubernetes.io/service-name': service } },
  ports, endpoints: endpoints.map((e) => ({ addresses: [e.ip], conditions: { ready: e.ready ?? true }, ...(e.hostname ? { hostname: e.hostname } : {}) })),
});

beforeAll(async () => {
  server = new ClusterDnsServer({ listen: [{ host, port: 0 }] });
  await server.start();
  const { port } = server.addresses()[0];
  resolver = new Resolver({ timeout: 1000, tries: 1 });
  resolver.setServers([`${host}:${port}`]);
  server.update(
    [
      svc('web', { clusterIP: '127.100.0.10', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }),
      svc('db', { clusterIP: 'None', ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }] }),
      svc('big', { clusterIP: 'None' }),
    ],
    [
      slice('db', [{ ip: '127.1.0.7', hostname: 'db-0' }, { ip: '127.1.0.8', hostname: 'db-1' }, { ip: '127.1.0.9', hostname: 'db-2', ready: false }], [{ name: 'pg', port: 5432, protocol: 'TCP' }]),
      slice('big', Array.from({ length: 80 }, (_, i) => ({ ip: `127.1.2.${i + 1}` }))),
    ],
  );
});
afterAll(() => server.close());

it('resolves a Service to its ClusterIP with a real DNS query', async () => {
  expect(await resolver.resolve4('web.default.svc.cluster.local')).toEqual(['127.100.0.10']);
});

it('resolves a headless Service to its ready pods and StatefulSet pods by hostname', async () => {
  expect((await resolver.resolve4('db.default.svc.cluster.local')).sort()).toEqual(['127.1.0.7', '127.1.0.8']);
  expect(await resolver.resolve4('db-1.db.default.svc.cluster.local')).toEqual(['127.1.0.8']);
});

it('serves SRV records for named ports', async () => {
  expect(await resolver.resolveSrv('_http._tcp.web.default.svc.cluster.local')).toEqual([{ name: 'web.default.svc.cluster.local', port: 80, priority: 0, weight: 100 }]);
  expect((await resolver.resolveSrv('_pg._tcp.db.default.svc.cluster.local')).map((r) => r.name).sort()).toEqual(['db-0.db.default.svc.cluster.local', 'db-1.db.default.svc.cluster.local']);
});

it('answers NXDOMAIN for unknown names, and NXDOMAIN for other domains without forwarding', async () => {
  await expect(resolver.resolve4('nope.default.svc.cluster.local')).rejects.toMatchObject({ code: 'ENOTFOUND' });
  await expect(resolver.resolve4('db-2.db.default.svc.cluster.local')).rejects.toMatchObject({ code: 'ENOTFOUND' });
  await expect(resolver.resolve4('example.org')).rejects.toMatchObject({ code: 'ENOTFOUND' });
});

it('follows updates at once, and a truncated UDP answer is retried over TCP by the client', async () => {
  server.update([svc('web', { clusterIP: '127.100.0.11', ports: [] })], []);
  expect(await resolver.resolve4('web.default.svc.cluster.local')).toEqual(['127.100.0.11']);
  server.update([svc('big', { clusterIP: 'None' })], [slice('big', Array.from({ length: 80 }, (_, i) => ({ ip: `127.1.2.${i + 1}` })))]);
  expect(await resolver.resolve4('big.default.svc.cluster.local')).toHaveLength(80);
});

it('answers over TCP, several queries on one connection', async () => {
  const { port } = server.addresses()[0];
  const replies = await new Promise<dnsPacket.Packet[]>((resolve, reject) => {
    const out: dnsPacket.Packet[] = [];
    const c = net.connect(port, host);
    let buf = Buffer.alloc(0);
    c.on('error', reject);
    c.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      while (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) {
        out.push(dnsPacket.streamDecode(buf.subarray(0, 2 + buf.readUInt16BE(0))));
        buf = buf.subarray(2 + buf.readUInt16BE(0));
        if (out.length === 2) { c.destroy(); resolve(out); }
      }
    });
    for (const id of [1, 2]) c.write(dnsPacket.streamEncode({ type: 'query', id, questions: [{ type: 'A', name: 'big.default.svc.cluster.local' }] }));
  });
  expect(replies.map((r) => [r.id, r.answers?.length])).toEqual([[1, 80], [2, 80]]);
});
