import { diffObjects, dottedPath, formatChange } from './json-diff';

describe('diffObjects', () => {
  const before = { metadata: { name: 'web', resourceVersion: '3', labels: { app: 'web' } }, spec: { replicas: 1, template: { spec: { containers: [{ image: 'a:1' }] } } } };

  it('lists changed fields with dotted paths, old and new values, sorted', () => {
    const after = { metadata: { name: 'web', resourceVersion: '9', labels: { tier: 'front' } }, spec: { replicas: 3, template: { spec: { containers: [{ image: 'a:2' }] } } } };
    expect(diffObjects(before, after).map(formatChange)).toEqual([
      '- metadata.labels.app: "web"',
      '+ metadata.labels.tier: "front"',
      '~ spec.replicas: 1 → 3',
      '~ spec.template.spec.containers[0].image: "a:1" → "a:2"',
    ]);
  });

  it('ignores resourceVersion and managedFields, and has nothing to say about a first revision', () => {
    expect(diffObjects(before, { ...before, metadata: { ...before.metadata, resourceVersion: '4', managedFields: [{ manager: 'x' }] } })).toEqual([]);
    expect(diffObjects(undefined, before)).toEqual([]);
  });

  it('brackets keys that are not identifiers', () => {
    expect(dottedPath('/metadata/annotations/deployment.kubernetes.io~1revision')).toBe('metadata.annotations["deployment.kubernetes.io/revision"]');
  });
});
