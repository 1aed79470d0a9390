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

  it('compares lists by their Kubernetes merge key (type, name), not by position', () => {
    const cond = (type: string, status: string) => ({ type, status, reason: type === 'Available' ? 'MinimumReplicas' : 'NewRS' });
    const was = { status: { conditions: [cond('Progressing', 'True'), cond('Available', 'False')] }, spec: { containers: [{ name: 'web', image: 'a:1' }, { name: 'side', image: 's:1' }] } };
    const now = { status: { conditions: [cond('Available', 'True'), cond('Progressing', 'True')] }, spec: { containers: [{ name: 'side', image: 's:1' }, { name: 'web', image: 'a:2' }] } };
    expect(diffObjects(was, now).map(formatChange)).toEqual([
      '~ spec.containers[name=web].image: "a:1" → "a:2"',
      '~ status.conditions[type=Available].status: "False" → "True"',
    ]);
    // A list that gains its first keyed element, and the values shown, are plain lists again.
    expect(diffObjects({ status: {} }, { status: { conditions: [cond('Available', 'True')] } })).toEqual([
      { op: 'add', path: 'status.conditions', to: [cond('Available', 'True')] },
    ]);
    expect(diffObjects({ spec: { args: ['a'] } }, { spec: { args: ['b'] } }).map(formatChange)).toEqual(['~ spec.args[0]: "a" → "b"']);
  });

  it('brackets keys that are not identifiers', () => {
    expect(dottedPath('/metadata/annotations/deployment.kubernetes.io~1revision')).toBe('metadata.annotations["deployment.kubernetes.io/revision"]');
  });
});
