import { pod } from '../testing/fixtures';
import type { Pod } from '../wire';
import { podResolvConf } from './resolv-conf';

const withSpec = (edit: (s: NonNullable<Pod['spec']>) => void): Pod => { const p = pod('p', 'web', { namespace: 'shop' }); edit(p.spec!); return p; };

describe('podResolvConf', () => {
  it('ClusterFirst points at the node DNS with the namespace search path and ndots:5', () => {
    expect(podResolvConf(pod('p', 'web', { namespace: 'shop' }), { nameserver: '127.0.0.2' })).toBe(
      'nameserver 127.0.0.2\nsearch shop.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n');
  });

  it('merges dnsConfig and honours Default and None', () => {
    const merged = podResolvConf(withSpec((s) => { s.dnsConfig = { searches: ['corp.example'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] }; }), { nameserver: '127.0.0.2', clusterDomain: 'wake.local' });
    expect(merged).toBe('nameserver 127.0.0.2\nsearch shop.svc.wake.local svc.wake.local wake.local corp.example\noptions ndots:2 edns0\n');
    const host = 'nameserver 127.0.0.53\nsearch lan\noptions edns0 trust-ad\n';
    expect(podResolvConf(withSpec((s) => { s.dnsPolicy = 'Default'; }), { nameserver: '127.0.0.2', hostResolvConf: host })).toBe('nameserver 127.0.0.53\nsearch lan\noptions edns0 trust-ad\n');
    expect(podResolvConf(withSpec((s) => { s.hostNetwork = true; }), { nameserver: '127.0.0.2', hostResolvConf: host })).toContain('nameserver 127.0.0.53');
    expect(podResolvConf(withSpec((s) => { s.dnsPolicy = 'None'; s.dnsConfig = { nameservers: ['127.0.0.9'] }; }), { nameserver: '127.0.0.2' })).toBe('nameserver 127.0.0.9\n');
  });
});
