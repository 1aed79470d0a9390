import { validateObject } from './validate-object';
import { fixture } from './test-fixtures';

type Obj = Record<string, any>;
const create = (o: Obj) => validateObject(o, { operation: 'create' });
const svc = (edit: (s: Obj) => void) => fixture('Service', (o) => edit(o.spec));

describe('Service validation', () => {
  it.each<[string, (s: Obj) => void, Obj[]]>([
    ['valid', () => undefined, []],
    ['headless without ports', (s) => { s.clusterIP = 'None'; delete s.ports; }, []],
    ['ExternalName', (s) => { s.type = 'ExternalName'; s.externalName = 'db.example.com'; delete s.ports; }, []],
    ['NodePort in range', (s) => { s.type = 'NodePort'; s.ports[0].nodePort = 30080; }, []],
    ['named target port', (s) => { s.ports[0].targetPort = 'http'; }, []],
    ['no ports', (s) => { delete s.ports; }, [{ field: 'spec.ports', reason: 'FieldValueRequired', message: 'Required value' }]],
    ['ExternalName without a name', (s) => { s.type = 'ExternalName'; delete s.ports; }, [{ field: 'spec.externalName', reason: 'FieldValueRequired', message: 'Required value' }]],
    ['port out of range', (s) => { s.ports[0].port = 0; }, [{ field: 'spec.ports[0].port', reason: 'FieldValueInvalid', message: 'Invalid value: 0: must be between 1 and 65535, inclusive' }]],
    ['two ports without names', (s) => { s.ports.push({ port: 443 }); }, [
      { field: 'spec.ports[0].name', reason: 'FieldValueRequired', message: 'Required value' },
      { field: 'spec.ports[1].name', reason: 'FieldValueRequired', message: 'Required value' },
    ]],
    ['duplicate port names', (s) => { s.ports = [{ name: 'http', port: 80 }, { name: 'http', port: 81 }]; }, [
      { field: 'spec.ports[1].name', reason: 'FieldValueDuplicate', message: 'Duplicate value: "http"' },
    ]],
    ['bad type', (s) => { s.type = 'Internal'; }, [
      { field: 'spec.type', reason: 'FieldValueNotSupported', message: 'Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"' },
    ]],
    ['nodePort out of range', (s) => { s.type = 'NodePort'; s.ports[0].nodePort = 80; }, [
      { field: 'spec.ports[0].nodePort', reason: 'FieldValueInvalid', message: 'Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767' },
    ]],
    ['nodePort on ClusterIP', (s) => { s.ports[0].nodePort = 30080; }, [
      { field: 'spec.ports[0].nodePort', reason: 'FieldValueForbidden', message: "Forbidden: may not be used when `type` is 'ClusterIP'" },
    ]],
    ['bad clusterIP', (s) => { s.clusterIP = '10.0.0'; }, [
      { field: 'spec.clusterIPs[0]', reason: 'FieldValueInvalid', message: 'Invalid value: "10.0.0": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)' },
    ]],
    ['bad targetPort', (s) => { s.ports[0].targetPort = 70000; }, [
      { field: 'spec.ports[0].targetPort', reason: 'FieldValueInvalid', message: 'Invalid value: 70000: must be between 1 and 65535, inclusive' },
    ]],
    ['bad sessionAffinity', (s) => { s.sessionAffinity = 'Sticky'; }, [
      { field: 'spec.sessionAffinity', reason: 'FieldValueNotSupported', message: 'Unsupported value: "Sticky": supported values: "ClientIP", "None"' },
    ]],
  ])('%s', (_name, edit, expected) => {
    expect(create(svc(edit))).toEqual(expected);
  });

  it('keeps the cluster IP once allocated', () => {
    const old = svc((s) => { s.clusterIP = '10.96.0.10'; });
    expect(validateObject(svc((s) => { s.clusterIP = '10.96.0.11'; }), { operation: 'update', old })).toEqual([
      { field: 'spec.clusterIPs[0]', reason: 'FieldValueInvalid', message: 'Invalid value: ["10.96.0.11"]: may not change once set' },
    ]);
  });
});
