import { makePod } from './fixtures';
import { podRequests } from './resources';

describe('podRequests', () => {
  it('sums containers and takes the max against init containers, plus overhead', () => {
    const pod = makePod('p');
    pod.spec!.containers = [
      { name: 'a', resources: { requests: { cpu: '100m', memory: '100Mi' } } },
      { name: 'b', resources: { requests: { cpu: '200m', 'nvidia.com/gpu': '1' } } },
    ];
    pod.spec!.initContainers = [
      { name: 'i1', resources: { requests: { cpu: '500m' } } },
      { name: 'i2', resources: { requests: { memory: '50Mi', 'nvidia.com/gpu': '2' } } },
    ];
    pod.spec!.overhead = { cpu: '10m', memory: '1Mi' };
    const { requests, nonZeroMilliCpu, nonZeroMemory } = podRequests(pod);
    expect(requests.milliCpu).toBe(510);
    expect(requests.memory).toBe(101 * 1024 * 1024);
    expect(requests.scalar.get('nvidia.com/gpu')).toBe(2);
    // container b has no memory request: scoring assumes 200Mi for it
    expect(nonZeroMemory).toBe((100 + 200 + 1) * 1024 * 1024);
    expect(nonZeroMilliCpu).toBe(510);
  });

  it('adds sidecars (restartable init containers) to the sum and to later init containers', () => {
    const pod = makePod('p');
    pod.spec!.containers = [{ name: 'a', resources: { requests: { cpu: '100m' } } }];
    pod.spec!.initContainers = [
      { name: 'sidecar', restartPolicy: 'Always', resources: { requests: { cpu: '300m' } } },
      { name: 'init', resources: { requests: { cpu: '500m' } } },
    ];
    expect(podRequests(pod).requests.milliCpu).toBe(800); // max(100+300, 500+300)
  });

  it('gives containers with no requests the scheduler defaults for scoring only', () => {
    const r = podRequests(makePod('p'));
    expect(r.requests.milliCpu).toBe(0);
    expect(r.nonZeroMilliCpu).toBe(100);
    expect(r.nonZeroMemory).toBe(200 * 1024 * 1024);
  });
});
