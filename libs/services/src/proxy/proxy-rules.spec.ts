import { service, slice } from '../testing/fixtures';
import type { Endpoints } from '../wire';
import { groupByService } from './endpoint-source';
import { proxyRules } from './proxy-rules';

describe('proxyRules', () => {
  const web = service('web', (s) => { s.spec.type = 'NodePort'; s.spec.clusterIP = '127.100.0.10'; s.spec.ports = [{ port: 80, targetPort: 8080, protocol: 'TCP', nodePort: 30080 }]; });

  it('listens on the ClusterIP and the node address NodePort and forwards to ready endpoints only', () => {
    const eps = groupByService([slice('web', [{ ip: '127.1.0.2' }, { ip: '127.1.0.1' }, { ip: '127.1.0.3', ready: false }])]);
    expect(proxyRules([web], eps, { nodeAddress: '127.0.0.2' })).toEqual([{
      id: 'default/web:80/TCP', service: 'default/web', protocol: 'TCP',
      listen: [{ ip: '127.100.0.10', port: 80, kind: 'clusterIP' }, { ip: '127.0.0.2', port: 30080, kind: 'nodePort' }],
      backends: [{ ip: '127.1.0.1', port: 8080 }, { ip: '127.1.0.2', port: 8080 }],
    }]);
  });

  it('falls back to serving terminating endpoints when none is ready', () => {
    const eps = groupByService([slice('web', [{ ip: '127.1.0.1', ready: false, serving: true, terminating: true }, { ip: '127.1.0.2', ready: false, serving: false }])]);
    expect(proxyRules([web], eps)[0].backends).toEqual([{ ip: '127.1.0.1', port: 8080 }]);
  });

  it('matches ports by name and protocol, takes core Endpoints too, carries ClientIP affinity', () => {
    const svc = service('dns', (s) => {
      s.spec.clusterIP = '127.100.0.53';
      s.spec.sessionAffinity = 'ClientIP';
      s.spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 60 } };
      s.spec.ports = [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }];
    });
    const ep: Endpoints = {
      apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'dns', namespace: 'default' },
      subsets: [{ addresses: [{ ip: '127.1.0.9' }], notReadyAddresses: [{ ip: '127.1.0.8' }], ports: [{ name: 'dns', port: 5353, protocol: 'UDP' }, { name: 'dns-tcp', port: 5354, protocol: 'TCP' }] }],
    };
    const rules = proxyRules([svc], groupByService([ep]));
    expect(rules.map((r) => [r.id, r.backends, r.affinityTimeoutSeconds])).toEqual([
      ['default/dns:dns-tcp/TCP', [{ ip: '127.1.0.9', port: 5354 }], 60],
      ['default/dns:dns/UDP', [{ ip: '127.1.0.9', port: 5353 }], 60],
    ]);
  });

  it('skips headless and ExternalName Services and has no NodePort without a node address', () => {
    const headless = service('h', (s) => { s.spec.clusterIP = 'None'; });
    const ext = service('x', (s) => { s.spec.type = 'ExternalName'; s.spec.externalName = 'db.example'; });
    expect(proxyRules([headless, ext], new Map())).toEqual([]);
    expect(proxyRules([web], new Map())[0].listen).toEqual([{ ip: '127.100.0.10', port: 80, kind: 'clusterIP' }]);
  });
});
