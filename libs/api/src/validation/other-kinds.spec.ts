import { validateObject } from './validate-object';
import { fixture } from './test-fixtures';

type Obj = Record<string, any>;
const create = (o: Obj) => validateObject(o, { operation: 'create' });

describe.each<[string, string, (o: Obj) => void, Obj[]]>([
  ['Namespace', 'bad finalizer', (o) => { o.spec = { finalizers: ['cleanup'] }; }, [
    { field: 'spec.finalizers[0]', reason: 'FieldValueInvalid', message: 'Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified' },
  ]],
  ['Namespace', 'kubernetes finalizer', (o) => { o.spec = { finalizers: ['kubernetes'] }; }, []],
  ['Node', 'bad taint effect', (o) => { o.spec.taints[0].effect = 'Evict'; }, [
    { field: 'spec.taints[0].effect', reason: 'FieldValueNotSupported', message: 'Unsupported value: "Evict": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"' },
  ]],
  ['Node', 'duplicate taint', (o) => { o.spec.taints.push({ key: 'dedicated', value: 'x', effect: 'NoSchedule' }); }, [
    { field: 'spec.taints[1]', reason: 'FieldValueDuplicate', message: 'Duplicate value: "dedicated:NoSchedule"' },
  ]],
  ['Lease', 'zero duration', (o) => { o.spec.leaseDurationSeconds = 0; }, [
    { field: 'spec.leaseDurationSeconds', reason: 'FieldValueInvalid', message: 'Invalid value: 0: must be greater than 0' },
  ]],
  ['Event', 'namespace mismatch', (o) => { o.involvedObject.namespace = 'other'; }, [
    { field: 'involvedObject.namespace', reason: 'FieldValueInvalid', message: 'Invalid value: "other": does not match event.namespace' },
  ]],
  ['Event', 'bad type', (o) => { o.type = 'Error'; }, [
    { field: 'type', reason: 'FieldValueNotSupported', message: 'Unsupported value: "Error": supported values: "Normal", "Warning"' },
  ]],
  ['ServiceAccount', 'bad secret name', (o) => { o.secrets = [{ name: 'Bad' }]; }, [
    { field: 'secrets[0].name', reason: 'FieldValueInvalid', message: expect.stringMatching(/^Invalid value: "Bad": a lowercase RFC 1123 subdomain/) },
  ]],
  ['Endpoints', 'bad ip', (o) => { o.subsets[0].addresses[0].ip = 'web'; }, [
    { field: 'subsets[0].addresses[0].ip', reason: 'FieldValueInvalid', message: 'Invalid value: "web": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)' },
  ]],
  ['Endpoints', 'unnamed ports', (o) => { o.subsets[0].ports.push({ port: 9090 }); }, [
    { field: 'subsets[0].ports[0].name', reason: 'FieldValueRequired', message: 'Required value' },
    { field: 'subsets[0].ports[1].name', reason: 'FieldValueRequired', message: 'Required value' },
  ]],
  ['EndpointSlice', 'bad address type', (o) => { o.addressType = 'IPv5'; }, [
    { field: 'addressType', reason: 'FieldValueNotSupported', message: 'Unsupported value: "IPv5": supported values: "IPv4", "IPv6", "FQDN"' },
  ]],
  ['EndpointSlice', 'IPv6 in an IPv4 slice', (o) => { o.endpoints[0].addresses = ['::1']; }, [
    { field: 'endpoints[0].addresses[0]', reason: 'FieldValueInvalid', message: 'Invalid value: "::1": must be an IPv4 address' },
  ]],
  ['EndpointSlice', 'no addresses', (o) => { o.endpoints[0].addresses = []; }, [
    { field: 'endpoints[0].addresses', reason: 'FieldValueRequired', message: 'Required value: must contain at least 1 address' },
  ]],
  ['PersistentVolumeClaim', 'no access modes', (o) => { o.spec.accessModes = []; }, [
    { field: 'spec.accessModes', reason: 'FieldValueRequired', message: 'Required value: at least 1 access mode is required' },
  ]],
  ['PersistentVolumeClaim', 'bad access mode', (o) => { o.spec.accessModes = ['ReadWriteSometimes']; }, [
    { field: 'spec.accessModes', reason: 'FieldValueNotSupported', message: 'Unsupported value: "ReadWriteSometimes": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"' },
  ]],
  ['PersistentVolumeClaim', 'no storage request', (o) => { o.spec.resources = {}; }, [
    { field: 'spec.resources[storage]', reason: 'FieldValueRequired', message: 'Required value' },
  ]],
])('%s: %s', (kind, _name, edit, expected) => {
  it('gives the expected causes', () => {
    expect(create(fixture(kind, edit))).toEqual(expected);
  });
});

describe('PersistentVolumeClaim update', () => {
  it('may grow but not change access modes', () => {
    const old = fixture('PersistentVolumeClaim');
    const grow = fixture('PersistentVolumeClaim', (o) => { o.spec.resources.requests.storage = '2Gi'; });
    expect(validateObject(grow, { operation: 'update', old })).toEqual([]);
    const modes = fixture('PersistentVolumeClaim', (o) => { o.spec.accessModes = ['ReadWriteMany']; });
    expect(validateObject(modes, { operation: 'update', old })).toEqual([
      { field: 'spec', reason: 'FieldValueForbidden', message: 'Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims' },
    ]);
  });
});
