import { validateObject } from './validate-object';
import { fixture } from './test-fixtures';
import { base64Problem } from './base64';

type Obj = Record<string, any>;
const create = (o: Obj) => validateObject(o, { operation: 'create' });
const update = (o: Obj, old: Obj) => validateObject(o, { operation: 'update', old });
const KEY_MSG = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

describe('ConfigMap validation', () => {
  it.each<[string, (o: Obj) => void, Obj[]]>([
    ['valid', () => undefined, []],
    ['bad key', (o) => { o.data = { 'bad key': 'x' }; }, [{ field: 'data[bad key]', reason: 'FieldValueInvalid', message: `Invalid value: "bad key": ${KEY_MSG}` }]],
    ['key in data and binaryData', (o) => { o.binaryData = { 'app.conf': 'eA==' }; }, [
      { field: 'binaryData[app.conf]', reason: 'FieldValueInvalid', message: 'Invalid value: "app.conf": duplicate of key present in data' },
    ]],
    ['over 1 MiB', (o) => { o.data = { a: 'x'.repeat(600 * 1024), b: 'y'.repeat(600 * 1024) }; }, [
      { field: '', reason: 'FieldValueTooLong', message: 'Too long: may not be more than 1048576 bytes' },
    ]],
  ])('%s', (_name, edit, expected) => {
    expect(create(fixture('ConfigMap', edit))).toEqual(expected);
  });

  it('freezes immutable config maps', () => {
    const old = fixture('ConfigMap', (o) => { o.immutable = true; });
    expect(update(fixture('ConfigMap', (o) => { o.immutable = true; o.data.extra = '1'; }), old)).toEqual([
      { field: 'data', reason: 'FieldValueForbidden', message: 'Forbidden: field is immutable when `immutable` is set' },
    ]);
    expect(update(fixture('ConfigMap', (o) => { o.immutable = false; }), old)).toEqual([
      { field: 'immutable', reason: 'FieldValueForbidden', message: 'Forbidden: field is immutable when `immutable` is set' },
    ]);
  });
});

describe('Secret validation', () => {
  it.each<[string, (o: Obj) => void, Obj[]]>([
    ['valid', () => undefined, []],
    ['valid stringData', (o) => { o.stringData = { token: 'abc' }; }, []],
    ['not base64', (o) => { o.data = { password: 'not base64!' }; }, [
      { field: 'data[password]', reason: 'FieldValueInvalid', message: 'Invalid value: "<secret contents redacted>": illegal base64 data at input byte 3' },
    ]],
    ['bad key', (o) => { o.data = { 'a/b': 'eA==' }; }, [{ field: 'data[a/b]', reason: 'FieldValueInvalid', message: `Invalid value: "a/b": ${KEY_MSG}` }]],
    ['tls without key', (o) => { o.type = 'kubernetes.io/tls'; o.data = { 'tls.crt': 'eA==' }; }, [
      { field: 'data[tls.key]', reason: 'FieldValueRequired', message: 'Required value' },
    ]],
    ['basic-auth with a username', (o) => { o.type = 'kubernetes.io/basic-auth'; o.data = { username: 'eA==' }; }, []],
    ['over 1 MiB', (o) => { o.data = { big: Buffer.alloc(1024 * 1024 + 1).toString('base64') }; }, [
      { field: 'data', reason: 'FieldValueTooLong', message: 'Too long: may not be more than 1048576 bytes' },
    ]],
  ])('%s', (_name, edit, expected) => {
    expect(create(fixture('Secret', edit))).toEqual(expected);
  });

  it('keeps the type immutable', () => {
    const old = fixture('Secret', (o) => { o.type = 'Opaque'; });
    expect(update(fixture('Secret', (o) => { o.type = 'kubernetes.io/basic-auth'; o.data = { username: 'eA==' }; }), old)).toEqual([
      { field: 'type', reason: 'FieldValueInvalid', message: 'Invalid value: "kubernetes.io/basic-auth": field is immutable' },
    ]);
  });

  it.each([
    ['c2VjcmV0', undefined], ['eA==', undefined], ['', undefined], ['eA=', 'illegal base64 data at input byte 2'],
    ['abc', 'illegal base64 data at input byte 0'], ['ab$=', 'illegal base64 data at input byte 2'], ['e=A=', 'illegal base64 data at input byte 1'],
  ])('base64 %p', (input, problem) => {
    expect(base64Problem(input)).toBe(problem);
  });
});
