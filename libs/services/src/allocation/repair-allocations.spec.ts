import { service } from '../testing/fixtures';
import { ipAddressObject, nodePortObject, parentRefOf } from './allocation-objects';
import { portRange, serviceIPRange } from './ranges';
import { removedServiceValues, repairAllocations } from './repair-allocations';

const ranges = { serviceIPs: serviceIPRange(), nodePorts: portRange() };
const now = new Date('2025-01-01T00:10:00Z');
const stored = (o: ReturnType<typeof ipAddressObject>, created = '2025-01-01T00:00:00Z') => ({ ...o, metadata: { ...o.metadata, uid: `u-${o.metadata.name}`, resourceVersion: '7', creationTimestamp: created } });

describe('repairAllocations', () => {
  const web = service('web', (s) => { s.spec.type = 'NodePort'; s.spec.clusterIP = '127.100.0.5'; s.spec.ports = [{ port: 80, protocol: 'TCP', nodePort: 30080 }]; });

  it('does nothing when every allocation has its Service', () => {
    expect(repairAllocations({ services: [web], ipAddresses: [stored(ipAddressObject('127.100.0.5', parentRefOf(web)))], nodePorts: [stored(nodePortObject(30080, parentRefOf(web)))] }, { ranges, now })).toEqual([]);
  });

  it('frees leaked allocations once older than the grace period, and recreates missing ones', () => {
    const gone = parentRefOf(service('gone'));
    const actions = repairAllocations({
      services: [web],
      ipAddresses: [stored(ipAddressObject('127.100.0.9', gone)), stored(ipAddressObject('127.100.0.10', gone), '2025-01-01T00:09:30Z')],
      nodePorts: [],
    }, { ranges, now });
    expect(actions).toEqual([
      { type: 'delete', key: { apiVersion: 'networking.k8s.io/v1beta1', kind: 'IPAddress', name: '127.100.0.9', uid: 'u-127.100.0.9' }, expectSeq: '7', intent: 'Released' },
      { type: 'create', object: ipAddressObject('127.100.0.5', parentRefOf(web)), intent: 'Allocated' },
      { type: 'create', object: nodePortObject(30080, parentRefOf(web)), intent: 'Allocated' },
    ]);
  });

  it('frees at once, without the grace period, what a just-removed Service held — unless a Service of that name holds it again', () => {
    const young = '2025-01-01T00:09:59Z';
    const gone = service('gone', (s) => { s.spec.type = 'NodePort'; s.spec.clusterIP = '127.100.0.9'; s.spec.ports = [{ port: 80, protocol: 'TCP', nodePort: 30090 }]; });
    const other = parentRefOf(service('other'));
    const actions = repairAllocations({
      services: [web],
      ipAddresses: [stored(ipAddressObject('127.100.0.5', parentRefOf(web))), stored(ipAddressObject('127.100.0.9', parentRefOf(gone)), young), stored(ipAddressObject('127.100.0.11', other), young)],
      nodePorts: [stored(nodePortObject(30080, parentRefOf(web))), stored(nodePortObject(30090, parentRefOf(gone)), young)],
      removed: [removedServiceValues(gone), removedServiceValues(web)],
    }, { ranges, now });
    expect(actions.map((a) => (a.type === 'delete' ? a.key.name : a.type))).toEqual(['127.100.0.9', '30090']);
  });

  it('warns when two Services claim one address', () => {
    const other = parentRefOf(service('other'));
    const actions = repairAllocations({ services: [web], ipAddresses: [stored(ipAddressObject('127.100.0.5', other))], nodePorts: [stored(nodePortObject(30080, parentRefOf(web)))] }, { ranges, now });
    expect(actions.map((a) => (a.type === 'event' ? a.reason : a.type))).toEqual(['delete', 'ClusterIPAlreadyAllocated']);
  });
});
