import { decodeToken, encodeToken, filterSubject, keyOfSubject, subjectFor } from './subject';

describe('subjects', () => {
  it.each([
    ['web', 'web'],
    ['Web-01-x', 'Web-01-x'],
    ['web.v1', 'web_2ev1'],
    ['system:node:a', 'system_3anode_3aa'],
    ['', '_'],
    ['ünï', '_c3_bcn_c3_af'],
  ])('encodes %j as the token %j and back', (name, token) => {
    expect(encodeToken(name)).toBe(token);
    expect(decodeToken(token)).toBe(name);
  });

  it('gives every object its own subject, safe for dotted and long names', () => {
    const long = 'a'.repeat(253);
    expect(subjectFor({ kind: 'Pod', namespace: 'default', name: 'web.v1' })).toBe('wake.obj.Pod.default.web_2ev1');
    expect(subjectFor({ kind: 'Node', namespace: '', name: 'n1' })).toBe('wake.obj.Node._.n1');
    expect(subjectFor({ kind: 'Pod', namespace: 'default', name: 'web-v1' })).not.toBe(subjectFor({ kind: 'Pod', namespace: 'default', name: 'web.v1' }));
    expect(keyOfSubject(subjectFor({ kind: 'Pod', namespace: 'ns', name: long }))).toEqual({ kind: 'Pod', namespace: 'ns', name: long });
  });

  it('builds filters for all objects, one kind, one namespace and one object', () => {
    expect(filterSubject()).toBe('wake.obj.>');
    expect(filterSubject({ kind: 'Pod' })).toBe('wake.obj.Pod.>');
    expect(filterSubject({ kind: 'Pod', namespace: 'default' })).toBe('wake.obj.Pod.default.*');
    expect(filterSubject({ kind: 'Node', namespace: '' })).toBe('wake.obj.Node._.*');
    expect(filterSubject({ kind: 'Pod', namespace: 'a', name: 'b.c' })).toBe('wake.obj.Pod.a.b_2ec');
    expect(() => filterSubject({ namespace: 'x' })).toThrow();
  });
});
