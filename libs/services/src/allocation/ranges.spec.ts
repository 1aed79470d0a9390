import { dynamicIPAt, dynamicIPCount, ipInRange, kubernetesServiceIP, portRange, rangesFromEnv, serviceIPRange } from './ranges';
import { freeCandidates } from './pick-free';

describe('allocation ranges', () => {
  it('defaults to a loopback /16 whose first address is the kubernetes Service', () => {
    const r = serviceIPRange();
    expect(r.text).toBe('127.100.0.0/16');
    expect(kubernetesServiceIP(r)).toBe('127.100.0.1');
    expect(dynamicIPAt(r, 0)).toBe('127.100.0.2');
    expect(dynamicIPAt(r, dynamicIPCount(r) - 1)).toBe('127.100.255.254');
  });

  it('never allows the network or broadcast address', () => {
    const r = serviceIPRange('127.100.0.0/29');
    expect(ipInRange(r, '127.100.0.0')).toBe(false);
    expect(ipInRange(r, '127.100.0.7')).toBe(false);
    expect(ipInRange(r, '127.100.0.1')).toBe(true);
    expect(ipInRange(r, '127.100.0.8')).toBe(false);
    expect(dynamicIPCount(r)).toBe(5);
  });

  it('parses port ranges and reads the environment', () => {
    expect(portRange()).toEqual({ min: 30000, max: 32767, text: '30000-32767' });
    expect(() => portRange('3-2')).toThrow();
    const r = rangesFromEnv({ WAKE_SERVICE_CIDR: '127.200.0.0/24', WAKE_NODE_PORT_RANGE: '31000-31009' });
    expect(r.serviceIPs.text).toBe('127.200.0.0/24');
    expect(r.nodePorts.max).toBe(31009);
  });

  it('walks free candidates from a random start, wrapping, skipping taken ones', () => {
    const taken = new Set([2, 3]);
    expect([...freeCandidates(5, (i) => taken.has(i), () => 0.4)]).toEqual([4, 0, 1]);
    expect([...freeCandidates(0, () => false, Math.random)]).toEqual([]);
  });
});
