import { validateObject } from './validate-object';
import { FIXTURES, fixture } from './test-fixtures';

type Obj = Record<string, any>;
const create = (o: Obj) => validateObject(o, { operation: 'create' });
const SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

describe('metadata validation', () => {
  it.each(Object.keys(FIXTURES))('accepts the %s fixture', (kind) => {
    expect(create(fixture(kind))).toEqual([]);
  });

  it.each<[string, string, (m: Obj) => void, Obj[]]>([
    ['bad name', 'ConfigMap', (m) => { m.name = 'Foo_Bar'; }, [{ field: 'metadata.name', reason: 'FieldValueInvalid', message: `Invalid value: "Foo_Bar": ${SUBDOMAIN_MSG}` }]],
    ['no name', 'ConfigMap', (m) => { delete m.name; }, [{ field: 'metadata.name', reason: 'FieldValueRequired', message: 'Required value: name or generateName is required' }]],
    ['generateName only', 'ConfigMap', (m) => { delete m.name; m.generateName = 'cfg-'; }, []],
    ['bad generateName', 'ConfigMap', (m) => { delete m.name; m.generateName = 'Cfg-'; }, [
      { field: 'metadata.generateName', reason: 'FieldValueInvalid', message: `Invalid value: "Cfg-": ${SUBDOMAIN_MSG}` },
    ]],
    ['service name with a dot (DNS label rule)', 'Service', (m) => { m.name = 'web.v1'; }, [{
      field: 'metadata.name', reason: 'FieldValueInvalid',
      message: `Invalid value: "web.v1": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    }]],
    ['missing namespace', 'Pod', (m) => { delete m.namespace; }, [{ field: 'metadata.namespace', reason: 'FieldValueRequired', message: 'Required value' }]],
    ['namespace on a cluster object', 'Node', (m) => { m.namespace = 'default'; }, [
      { field: 'metadata.namespace', reason: 'FieldValueForbidden', message: 'Forbidden: not allowed on this type' },
    ]],
    ['bad label key', 'Pod', (m) => { m.labels = { 'app name': 'web' }; }, [{
      field: 'metadata.labels', reason: 'FieldValueInvalid',
      message: `Invalid value: "app name": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    }]],
    ['bad label value', 'Pod', (m) => { m.labels = { app: 'web!' }; }, [{
      field: 'metadata.labels', reason: 'FieldValueInvalid',
      message: `Invalid value: "web!": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    }]],
    ['annotation key with upper case is fine', 'Pod', (m) => { m.annotations = { 'Example.com/Note': 'x' }; }, []],
    ['bad annotation key', 'Pod', (m) => { m.annotations = { 'a/b/c': 'x' }; }, [
      { field: 'metadata.annotations', reason: 'FieldValueInvalid', message: expect.stringMatching(/^Invalid value: "a\/b\/c": a qualified name must consist of/) },
    ]],
    ['annotations over 256 KiB', 'Pod', (m) => { m.annotations = { big: 'x'.repeat(256 * 1024) }; }, [
      { field: 'metadata.annotations', reason: 'FieldValueTooLong', message: 'Too long: may not be more than 262144 bytes' },
    ]],
  ])('%s', (_name, kind, edit, expected) => {
    expect(create(fixture(kind, (o) => edit(o.metadata)))).toEqual(expected);
  });

  it('rejects unknown kinds and wrong apiVersions', () => {
    expect(create({ apiVersion: 'v1', kind: 'Widget', metadata: { name: 'w' } })).toEqual([
      { field: 'kind', reason: 'FieldValueNotSupported', message: expect.stringMatching(/^Unsupported value: "Widget": supported values: "ConfigMap", "ControllerRevision", "CronJob"/) },
    ]);
    expect(create(fixture('Deployment', (o) => { o.apiVersion = 'extensions/v1beta1'; }))).toEqual([
      { field: 'apiVersion', reason: 'FieldValueNotSupported', message: 'Unsupported value: "extensions/v1beta1": supported values: "apps/v1"' },
    ]);
  });

  it('keeps uid and namespace immutable on update', () => {
    const old = fixture('ConfigMap', (o) => { o.metadata.uid = 'u1'; });
    expect(validateObject(fixture('ConfigMap', (o) => { o.metadata.uid = 'u2'; }), { operation: 'update', old })).toEqual([
      { field: 'metadata.uid', reason: 'FieldValueInvalid', message: 'Invalid value: "u2": field is immutable' },
    ]);
  });
});
