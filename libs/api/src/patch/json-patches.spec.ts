import { isWakeError, type WakeErrorCode } from '@wake/events';
import { applyPatch } from './apply-patch';
import { jsonMergePatch } from './json-merge-patch';
import { jsonPatch } from './json-patch';

const deploy = { kind: 'Deployment', metadata: { name: 'web', labels: { app: 'web' } }, spec: { replicas: 1, template: { spec: { containers: [{ name: 'a' }] } } } };

function codeOf(fn: () => unknown): WakeErrorCode | undefined {
  try {
    fn();
  } catch (e) {
    return isWakeError(e) ? e.code : undefined;
  }
  return undefined;
}

describe('jsonMergePatch (RFC 7386)', () => {
  it.each<[string, unknown, unknown, unknown]>([
    ['label adds a key', { metadata: { labels: { a: '1' } } }, { metadata: { labels: { tier: 'fe' } } }, { metadata: { labels: { a: '1', tier: 'fe' } } }],
    ['null removes', { a: 1, b: 2 }, { b: null }, { a: 1 }],
    ['arrays replace', { l: [1, 2] }, { l: [3] }, { l: [3] }],
    ['scale sets replicas', { spec: { replicas: 1, x: 1 } }, { spec: { replicas: 3 } }, { spec: { replicas: 3, x: 1 } }],
    ['an object replaces a scalar', { a: 'x' }, { a: { b: 1, c: null } }, { a: { b: 1 } }],
    ['a non-object patch replaces everything', { a: 1 }, 'x', 'x'],
  ])('%s', (_n, original, patch, expected) => {
    expect(jsonMergePatch(original, patch)).toEqual(expected);
  });
});

describe('jsonPatch (RFC 6902)', () => {
  it('applies rollout undo style replaces and leaves the input alone', () => {
    const before = structuredClone(deploy);
    const out = jsonPatch(deploy, [
      { op: 'replace', path: '/spec/template', value: { spec: { containers: [{ name: 'b' }] } } },
      { op: 'add', path: '/metadata/annotations', value: { x: 'y' } },
      { op: 'test', path: '/spec/replicas', value: 1 },
    ]);
    expect(out).toEqual({ ...deploy, metadata: { ...deploy.metadata, annotations: { x: 'y' } }, spec: { replicas: 1, template: { spec: { containers: [{ name: 'b' }] } } } });
    expect(deploy).toEqual(before);
  });

  it.each<[string, unknown, WakeErrorCode]>([
    ['a failed test is Invalid (422)', [{ op: 'test', path: '/spec/replicas', value: 5 }], 'Invalid'],
    ['a missing path is Invalid', [{ op: 'replace', path: '/spec/nope/x', value: 1 }], 'Invalid'],
    ['an unknown op is Invalid', [{ op: 'frob', path: '/spec' }], 'Invalid'],
    ['a body that is not a list is BadRequest (400)', { op: 'add' }, 'BadRequest'],
    ['an operation that is not an object is BadRequest', ['x'], 'BadRequest'],
  ])('%s', (_n, ops, code) => {
    expect(codeOf(() => jsonPatch(deploy, ops))).toBe(code);
  });
});

describe('applyPatch', () => {
  it.each<[string, string, unknown, unknown]>([
    ['strategic', 'application/strategic-merge-patch+json', '{"spec":{"template":{"spec":{"containers":[{"name":"z"}]}}}}', [{ name: 'z' }, { name: 'a' }]],
    ['merge, with charset', 'application/merge-patch+json; charset=utf-8', Buffer.from('{"spec":{"template":{"spec":{"containers":[{"name":"z"}]}}}}'), [{ name: 'z' }]],
    ['json', 'application/json-patch+json', [{ op: 'add', path: '/spec/template/spec/containers/-', value: { name: 'z' } }], [{ name: 'a' }, { name: 'z' }]],
  ])('%s', (_n, type, body, expected) => {
    const out = applyPatch(deploy, body, type, 'Deployment') as typeof deploy;
    expect(out.spec.template.spec.containers).toEqual(expected);
  });

  it.each<[string, string, unknown, string]>([
    ['an unknown content type', 'application/json', '{}', 'the body of the request was in an unknown format'],
    ['server-side apply (handled elsewhere)', 'application/apply-patch+yaml', '{}', 'unknown format'],
    ['malformed JSON', 'application/merge-patch+json', '{nope', 'error decoding patch'],
    ['a merge patch that is not an object', 'application/merge-patch+json', '"x"', 'is not a JSON object'],
  ])('rejects %s as BadRequest', (_n, type, body, message) => {
    expect(() => applyPatch(deploy, body, type, 'Deployment')).toThrow(message);
    expect(codeOf(() => applyPatch(deploy, body, type, 'Deployment'))).toBe('BadRequest');
  });
});
