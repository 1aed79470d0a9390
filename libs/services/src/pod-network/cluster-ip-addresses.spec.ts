import { service } from '../testing/fixtures';
import { clusterIPsToHold, planInterfaceAddresses } from './cluster-ip-addresses';

describe('clusterIPsToHold', () => {
  const svc = (name: string, ip: string) => service(name, (s) => { s.spec.clusterIP = ip; s.spec.clusterIPs = [ip]; });
  it('holds the ClusterIPs inside a routable service range, once each, and no headless or foreign ones', () => {
    const services = [svc('a', '10.96.0.12'), svc('b', '10.96.0.3'), svc('c', '10.96.0.3'), svc('d', 'None'), svc('e', '192.0.2.1')];
    expect(clusterIPsToHold(services, '10.96.0.0/12')).toEqual(['10.96.0.12', '10.96.0.3']);
  });
  it('holds nothing for a loopback range (lo serves all of 127/8)', () => {
    expect(clusterIPsToHold([svc('a', '127.100.0.5')], '127.100.0.0/16')).toEqual([]);
  });
});

describe('planInterfaceAddresses', () => {
  it('adds the missing, removes the unused of the range, leaves other addresses alone', () => {
    expect(planInterfaceAddresses(['10.96.0.2', '10.96.0.9', '192.0.2.7'], ['10.96.0.2', '10.96.0.4'], '10.96.0.0/12')).toEqual({ add: ['10.96.0.4'], remove: ['10.96.0.9'] });
  });
});
