import { service, slice } from '../testing/fixtures';
import { groupByService } from '../proxy/endpoint-source';
import { buildClusterZone } from './cluster-zone';
import { resolveName } from './resolve-name';

describe('cluster zone', () => {
  const web = service('web', (s) => { s.spec.clusterIP = '127.100.0.10'; s.spec.ports = [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }]; });
  const db = service('db', (s) => { s.spec.clusterIP = 'None'; s.spec.ports = [{ name: 'pg', port: 5432, protocol: 'TCP' }]; });
  const ext = service('ext', (s) => { s.spec.type = 'ExternalName'; s.spec.externalName = 'db.example.org'; delete s.spec.clusterIP; });
  const zone = buildClusterZone([web, db, ext], groupByService([
    slice('web', [{ ip: '127.1.0.1' }]),
    slice('db', [{ ip: '127.1.0.7', hostname: 'db-0' }, { ip: '127.1.0.8' }, { ip: '127.1.0.9', ready: false, hostname: 'db-2' }], [{ name: 'pg', port: 5432 }]),
  ]));
  const q = (name: string, type: string) => resolveName(zone, name, type);

  it('answers a ClusterIP Service with its address, case-insensitively', () => {
    expect(q('web.default.svc.cluster.local', 'A')).toEqual({ result: 'ok', answers: [{ name: 'web.default.svc.cluster.local', record: { type: 'A', address: '127.100.0.10' } }], additionals: [] });
    expect(q('WEB.Default.svc.cluster.local.', 'A').answers).toHaveLength(1);
  });

  it('answers a headless Service with its ready pod addresses and StatefulSet pods by hostname', () => {
    expect(q('db.default.svc.cluster.local', 'A').answers.map((a) => a.record)).toEqual([{ type: 'A', address: '127.1.0.7' }, { type: 'A', address: '127.1.0.8' }]);
    expect(q('db-0.db.default.svc.cluster.local', 'A').answers.map((a) => a.record)).toEqual([{ type: 'A', address: '127.1.0.7' }]);
    expect(q('127-1-0-8.db.default.svc.cluster.local', 'A').answers).toHaveLength(1);
    expect(q('db-2.db.default.svc.cluster.local', 'A').result).toBe('nxdomain');
  });

  it('has SRV records for named ports, with the targets as additionals', () => {
    expect(q('_http._tcp.web.default.svc.cluster.local', 'SRV').answers.map((a) => a.record)).toEqual([
      { type: 'SRV', priority: 0, weight: 100, port: 80, target: 'web.default.svc.cluster.local' },
    ]);
    const headless = q('_pg._tcp.db.default.svc.cluster.local', 'SRV');
    expect(headless.answers.map((a) => a.record)).toEqual([
      { type: 'SRV', priority: 0, weight: 50, port: 5432, target: 'db-0.db.default.svc.cluster.local' },
      { type: 'SRV', priority: 0, weight: 50, port: 5432, target: '127-1-0-8.db.default.svc.cluster.local' },
    ]);
    expect(headless.additionals.map((a) => a.name)).toEqual(['db-0.db.default.svc.cluster.local', '127-1-0-8.db.default.svc.cluster.local']);
  });

  it('NXDOMAIN for unknown names, NODATA for other types, CNAME for ExternalName, outside for other zones', () => {
    expect(q('nope.default.svc.cluster.local', 'A').result).toBe('nxdomain');
    expect(q('web.default.svc.cluster.local', 'AAAA')).toEqual({ result: 'ok', answers: [], additionals: [] });
    expect(q('default.svc.cluster.local', 'A')).toEqual({ result: 'ok', answers: [], additionals: [] });
    expect(q('ext.default.svc.cluster.local', 'A').answers.map((a) => a.record)).toEqual([{ type: 'CNAME', target: 'db.example.org' }]);
    expect(q('example.org', 'A').result).toBe('outside');
  });
});
