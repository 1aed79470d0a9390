import { pod, service } from '../testing/fixtures';
import { desiredSliceContents, MAX_ENDPOINTS_PER_SLICE } from './desired-slices';

describe('desiredSliceContents', () => {
  it('sets ready/serving/terminating conditions as the EndpointSlice controller does', () => {
    const [s] = desiredSliceContents(service('web'), [
      pod('a', 'web', { ip: '127.1.0.1' }),
      pod('b', 'web', { ip: '127.1.0.2', ready: false }),
      pod('c', 'web', { ip: '127.1.0.3', terminating: true }),
    ]);
    expect(s.ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
    expect(s.endpoints.map((e) => [e.addresses[0], e.conditions])).toEqual([
      ['127.1.0.1', { ready: true, serving: true, terminating: false }],
      ['127.1.0.2', { ready: false, serving: false, terminating: false }],
      ['127.1.0.3', { ready: false, serving: true, terminating: true }],
    ]);
    expect(s.endpoints[0]).toMatchObject({ nodeName: 'node-1', targetRef: { kind: 'Pod', name: 'a', uid: 'uid-a' } });
  });

  it('publishNotReadyAddresses makes every endpoint ready', () => {
    const svc = service('web', (x) => { x.spec.publishNotReadyAddresses = true; });
    const [s] = desiredSliceContents(svc, [pod('b', 'web', { ip: '127.1.0.2', ready: false })]);
    expect(s.endpoints[0].conditions).toEqual({ ready: true, serving: false, terminating: false });
  });

  it('chunks at 100 endpoints and keeps an empty placeholder when nothing is selected', () => {
    const pods = Array.from({ length: 150 }, (_, i) => pod(`p${i}`, 'web', { ip: `127.1.${Math.floor(i / 200)}.${i + 1}` }));
    const slices = desiredSliceContents(service('web'), pods);
    expect(slices.map((s) => s.endpoints.length)).toEqual([MAX_ENDPOINTS_PER_SLICE, 50]);
    expect(slices[0].endpoints[0].addresses[0]).toBe('127.1.0.1');
    expect(slices[1].endpoints[49].addresses[0]).toBe('127.1.0.150');
    expect(desiredSliceContents(service('web'), [])).toEqual([{ portsKey: '[]', ports: [], endpoints: [] }]);
  });
});
