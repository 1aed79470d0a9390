import * as dnsPacket from 'dns-packet';
import { buildClusterZone, groupByService, type EndpointSlice, type Service } from '@wake/services';
import { answerQuery } from './dns-answer';

const web: Service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { clusterIP: '127.100.0.10', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] } };
const big: Service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'big', namespace: 'default' }, spec: { clusterIP: 'None', ports: [] } };
const bigSlice: EndpointSlice = {
  apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
  metadata: { name: 'big-x', namespace: 'default', labels: { 'kubernetes.io/service-name': 'big' } },
  endpoints: Array.from({ length: 60 }, (_, i) => ({ addresses: [`127.1.1.${i + 1}`], conditions: { ready: true } })),
};
/** dns-packet decodes the response code, its types do not declare it. */
const decode = (b: Buffer) => dnsPacket.decode(b) as dnsPacket.DecodedPacket & { rcode: string };
const zone = buildClusterZone([web, big], groupByService([bigSlice]));
const query = (name: string, type: dnsPacket.RecordType) => dnsPacket.encode({ type: 'query', id: 42, flags: dnsPacket.RECURSION_DESIRED, questions: [{ name, type, class: 'IN' }] });
const answer = (name: string, type: dnsPacket.RecordType, transport: 'udp' | 'tcp' = 'udp') => {
  const out = answerQuery(query(name, type), zone, transport);
  if (out.type !== 'answer') throw new Error('outside');
  return decode(out.response);
};

describe('answerQuery', () => {
  it('answers authoritatively with the ClusterIP', () => {
    const r = answer('web.default.svc.cluster.local', 'A');
    expect(r.id).toBe(42);
    expect(r.rcode).toBe('NOERROR');
    expect(r.flag_aa).toBe(true);
    expect(r.flag_rd).toBe(true);
    expect(r.answers).toEqual([{ name: 'web.default.svc.cluster.local', type: 'A', class: 'IN', ttl: 5, flush: false, data: '127.100.0.10' }]);
  });

  it('NXDOMAIN and NODATA carry the zone SOA', () => {
    const nx = answer('nope.default.svc.cluster.local', 'A');
    expect(nx.rcode).toBe('NXDOMAIN');
    expect(nx.authorities?.[0]).toMatchObject({ type: 'SOA', name: 'cluster.local' });
    const nodata = answer('web.default.svc.cluster.local', 'AAAA');
    expect([nodata.rcode, nodata.answers?.length, nodata.authorities?.length]).toEqual(['NOERROR', 0, 1]);
  });

  it('truncates a large UDP answer and gives it whole over TCP', () => {
    const udp = answer('big.default.svc.cluster.local', 'A');
    expect(udp.flag_tc).toBe(true);
    expect(udp.answers).toEqual([]);
    expect(answer('big.default.svc.cluster.local', 'A', 'tcp').answers).toHaveLength(60);
  });

  it('hands names outside the cluster domain back to the caller', () => {
    expect(answerQuery(query('example.org', 'A'), zone, 'udp').type).toBe('outside');
    expect(decode((answerQuery(Buffer.from([1, 2, 3]), zone, 'udp') as { response: Buffer }).response).rcode).toBe('FORMERR');
  });
});
