import { normalizeWrite } from './strategies';

describe('normalizeWrite', () => {
  it("folds a Secret's stringData into data", () => {
    const s = normalizeWrite({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { a: 'eA==' }, stringData: { b: 'hi' } }, 'create');
    expect(s).toEqual({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { a: 'eA==', b: 'aGk=' } });
  });
  it('starts new pods in phase Pending', () => {
    expect(normalizeWrite({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } }, 'create').status).toEqual({ phase: 'Pending' });
    expect(normalizeWrite({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } }, 'update').status).toBeUndefined();
  });
});
