import { connect } from 'nats';
import { JetStreamEventLog, type KubeObject } from '@wake/events';
import { Informer } from '@wake/runtime';
import { ServiceAllocator, portRange, serviceIPRange, type EndpointSlice, type Service } from '@wake/services';
import { ObjectStore } from '@wake/store';
import { TestNatsServer } from '@wake/testing';
import { ServiceProxy } from '../../apps/node-agent/src/proxy/service-proxy';
import { get, httpBackend } from '../../apps/node-agent/src/proxy/test-backends';
import { Latency } from '../support/latency';

export interface ProgrammingResult {
  readonly changes: number;
  readonly endToEnd: { p50Ms: number; p99Ms: number; maxMs: number };
  readonly syncOnly: { p50Ms: number; p99Ms: number };
  readonly wrongAnswers: number;
}

const actor = { type: 'component' as const, name: 'bench' };

/**
 * Network programming latency, the whole path: an EndpointSlice update appended to JetStream →
 * the agent's informer sees it → ServiceProxy.sync → the new backend set is in force. Each change
 * swaps the one ready backend between two; after each, one request through the NodePort must reach
 * the new backend (counted when it does not).
 */
export async function benchProgramming(changes: number, addr: (host: number) => string): Promise<ProgrammingResult> {
  const nats = await TestNatsServer.start();
  const nc = await connect({ servers: nats.url });
  const store = new ObjectStore(await JetStreamEventLog.open(nc));
  const [a, b] = await Promise.all([httpBackend('a', addr(11)), httpBackend('b', addr(12))]);
  const proxy = new ServiceProxy({ nodeAddress: addr(2) });
  const allocator = await ServiceAllocator.start({ store, actor, ranges: { serviceIPs: serviceIPRange(`${addr(0).split('.').slice(0, 3).join('.')}.0/24`), nodePorts: portRange('30000-32767') } });
  const informers: Informer[] = [];
  try {
    await store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }, { actor });
    const { service } = await allocator.allocate({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 8080, protocol: 'TCP', targetPort: 8080 }] } } as Service);
    await store.create(service as KubeObject, { actor });
    const nodePort = service.spec!.ports![0].nodePort!;
    const sliceFor = (backend: typeof a): EndpointSlice => ({
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
      metadata: { name: 'web-bench', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
      ports: [{ name: '', port: backend.port, protocol: 'TCP' }],
      endpoints: [{ addresses: [backend.ip], conditions: { ready: true, serving: true, terminating: false } }],
    });
    let current = await store.create(sliceFor(a) as KubeObject, { actor });

    const services = new Informer(store.log, { kind: 'Service' });
    const slices = new Informer(store.log, { kind: 'EndpointSlice' });
    informers.push(services, slices);
    const syncOnly = new Latency();
    let programmedSeq = 0;
    let waiter: { seq: number; resolve: () => void } | undefined;
    const onChange = () => {
      const seq = slices.lastSeq;
      const t = process.hrtime.bigint();
      void proxy.sync(services.list() as Service[], slices.list() as EndpointSlice[]).then(() => {
        syncOnly.record(Number(process.hrtime.bigint() - t) / 1000);
        programmedSeq = Math.max(programmedSeq, seq);
        if (waiter && programmedSeq >= waiter.seq) { waiter.resolve(); waiter = undefined; }
      });
    };
    services.on(onChange);
    slices.on(onChange);
    await services.start();
    await slices.start();
    await proxy.sync(services.list() as Service[], slices.list() as EndpointSlice[]);

    const endToEnd = new Latency();
    let wrong = 0;
    for (let i = 0; i < changes; i++) {
      const next = i % 2 === 0 ? b : a;
      const t0 = process.hrtime.bigint();
      current = await store.update({ ...sliceFor(next), metadata: { ...current.metadata } } as KubeObject, { actor });
      const seq = Number(current.metadata.resourceVersion);
      if (programmedSeq < seq) await new Promise<void>((resolve) => { waiter = { seq, resolve }; });
      endToEnd.record(Number(process.hrtime.bigint() - t0) / 1000);
      if ((await get(addr(2), nodePort)) !== next.name) wrong++;
    }
    return {
      changes,
      endToEnd: { p50Ms: endToEnd.ms(50), p99Ms: endToEnd.ms(99), maxMs: endToEnd.ms(100) },
      syncOnly: { p50Ms: syncOnly.ms(50), p99Ms: syncOnly.ms(99) },
      wrongAnswers: wrong,
    };
  } finally {
    for (const i of informers) await i.stop();
    await allocator.stop();
    await proxy.close();
    await Promise.all([a.close(), b.close()]);
    await nc.close();
    await nats.stop();
  }
}
