import { service } from '../testing/fixtures';
import { planAllocation } from './plan-allocation';
import { portRange, serviceIPRange } from './ranges';
import { withAllocations } from './with-allocations';

const ranges = { serviceIPs: serviceIPRange(), nodePorts: portRange() };

describe('planAllocation', () => {
  it('a new ClusterIP Service needs a dynamic address and no NodePort', () => {
    const p = planAllocation(service('web'), undefined, ranges);
    expect(p.ip).toEqual({ type: 'dynamic' });
    expect(p.ports).toEqual([]);
    expect(p.causes).toEqual([]);
  });

  it('headless and ExternalName Services get no address', () => {
    expect(planAllocation(service('h', (s) => { s.spec.clusterIP = 'None'; }), undefined, ranges).ip).toEqual({ type: 'none' });
    expect(planAllocation(service('x', (s) => { s.spec.type = 'ExternalName'; s.spec.externalName = 'db.example'; }), undefined, ranges).ip).toEqual({ type: 'none' });
  });

  it('honours a requested address and rejects one outside the range with the apiserver message', () => {
    expect(planAllocation(service('a', (s) => { s.spec.clusterIP = '127.100.0.9'; }), undefined, ranges).ip).toEqual({ type: 'requested', ip: '127.100.0.9' });
    const bad = planAllocation(service('a', (s) => { s.spec.clusterIP = '10.0.0.1'; s.spec.clusterIPs = ['10.0.0.1']; }), undefined, ranges);
    expect(bad.causes).toEqual([{
      field: 'spec.clusterIPs', reason: 'FieldValueInvalid',
      message: 'Invalid value: []string{"10.0.0.1"}: failed to allocate IP 10.0.0.1: the provided IP (10.0.0.1) is not in the valid range. The range of valid IPs is 127.100.0.0/16',
    }]);
  });

  it('NodePort: requested, dynamic, shared by TCP and UDP on one port, out of range', () => {
    const svc = service('dns', (s) => {
      s.spec.type = 'NodePort';
      s.spec.ports = [
        { name: 'dns-tcp', port: 53, protocol: 'TCP' },
        { name: 'dns-udp', port: 53, protocol: 'UDP' },
        { name: 'metrics', port: 9153, protocol: 'TCP', nodePort: 30153 },
        { name: 'bad', port: 1, protocol: 'TCP', nodePort: 80 },
      ];
    });
    const p = planAllocation(svc, undefined, ranges);
    expect(p.ports).toEqual([
      { index: 0, type: 'dynamic' },
      { index: 1, type: 'same-as', sameAs: 0 },
      { index: 2, type: 'requested', port: 30153 },
      { index: 3, type: 'requested', port: 80 },
    ]);
    expect(p.causes.map((c) => `${c.field}: ${c.message}`)).toEqual([
      'spec.ports[3].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    ]);
  });

  it('an update keeps what the Service holds and releases what it drops', () => {
    const old = service('web', (s) => { s.spec.type = 'NodePort'; s.spec.clusterIP = '127.100.0.5'; s.spec.ports = [{ name: 'http', port: 80, protocol: 'TCP', nodePort: 30080 }, { name: 'x', port: 81, protocol: 'TCP', nodePort: 30081 }]; });
    const next = service('web', (s) => { s.spec.type = 'NodePort'; s.spec.ports = [{ name: 'http', port: 80, protocol: 'TCP' }]; });
    const p = planAllocation(next, old, ranges);
    expect(p.ip).toEqual({ type: 'keep', ip: '127.100.0.5' });
    expect(p.ports).toEqual([{ index: 0, type: 'keep', port: 30080 }]);
    expect(p.releasePorts).toEqual([30081]);
    const toClusterIP = planAllocation(service('web', (s) => { s.spec.clusterIP = '127.100.0.5'; }), old, ranges);
    expect(toClusterIP.releasePorts).toEqual([30080, 30081]);
    const toExternal = planAllocation(service('web', (s) => { s.spec.type = 'ExternalName'; s.spec.externalName = 'x.example'; }), old, ranges);
    expect(toExternal.releaseIPs).toEqual(['127.100.0.5']);
  });

  it('writes the allocated values into the Service', () => {
    const svc = withAllocations(service('web', (s) => { s.spec.type = 'NodePort'; }), '127.100.0.7', new Map([[0, 30007]]));
    expect(svc.spec?.clusterIP).toBe('127.100.0.7');
    expect(svc.spec?.clusterIPs).toEqual(['127.100.0.7']);
    expect(svc.spec?.ports?.[0].nodePort).toBe(30007);
  });
});
