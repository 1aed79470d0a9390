import { canonicalJson, computeHash, equalIgnoreHash } from './pod-template-hash';

const tpl = (image: string, extra: Record<string, string> = {}) => ({
  metadata: { labels: { app: 'web', ...extra } },
  spec: { containers: [{ name: 'c', image }] },
});

describe('pod-template-hash', () => {
  it('is stable and independent of key order', () => {
    const a = computeHash(tpl('nginx:1'));
    expect(a).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    expect(computeHash({ spec: { containers: [{ image: 'nginx:1', name: 'c' }] }, metadata: { labels: { app: 'web' } } })).toBe(a);
  });

  it.each([
    ['different image', tpl('nginx:2'), false],
    ['hash label ignored', tpl('nginx:1', { 'pod-template-hash': 'xyz' }), true],
    ['extra label', tpl('nginx:1', { tier: 'fe' }), false],
  ])('%s', (_n, other, same) => {
    expect(computeHash(other) === computeHash(tpl('nginx:1'))).toBe(same);
    expect(equalIgnoreHash(other, tpl('nginx:1'))).toBe(same);
  });

  it('collisionCount changes the hash', () => {
    expect(computeHash(tpl('nginx:1'), 1)).not.toBe(computeHash(tpl('nginx:1')));
    expect(computeHash(tpl('nginx:1'), 1)).not.toBe(computeHash(tpl('nginx:1'), 2));
  });

  it('canonicalJson sorts keys and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: undefined, c: 'x' }] })).toBe('{"a":[1,{"c":"x"}],"b":1}');
  });
});
