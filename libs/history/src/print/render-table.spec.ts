import { toTable } from '@wake/api';
import { parseObjectRef, resolveKind, resourcePrefix } from './kind-arg';
import { renderTable } from './render-table';
import { stateText } from './state-text';

const now = new Date('2026-01-01T00:10:00Z');
const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'default', creationTimestamp: '2026-01-01T00:00:00Z' }, spec: { containers: [{ name: 'c', image: 'x' }] }, status: { phase: 'Running' } };

describe('printing', () => {
  it('renders a Table the way kubectl does', () => {
    const text = renderTable(toTable([pod], 'Pod', { now }));
    expect(text.split('\n')[0]).toMatch(/^NAME {4}READY {3}STATUS {4}RESTARTS {3}AGE$/);
    expect(text).toContain('web-1   0/1     Running   0          10m');
  });
  it('adds NAMESPACE and kind prefixes for a whole-cluster view', () => {
    const dep = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', creationTimestamp: '2026-01-01T00:00:00Z' }, spec: { replicas: 1 }, status: {} };
    const text = stateText([dep, pod], 'table', { now, allNamespaces: true, resourceVersion: '9' });
    expect(text).toMatch(/^NAMESPACE {3}NAME/);
    expect(text).toContain('deployment.apps/web');
    expect(text).toContain('pod/web-1');
    expect(stateText([pod], 'yaml', { now, allNamespaces: false, resourceVersion: '9' })).toContain('kind: List');
  });
  it('resolves kinds as kubectl users type them', () => {
    expect(resolveKind('deploy')?.kind).toBe('Deployment');
    expect(resolveKind('pods')?.kind).toBe('Pod');
    expect(resolveKind('replicasets.apps')?.kind).toBe('ReplicaSet');
    expect(parseObjectRef('node/n1', 'x')).toEqual({ kind: 'Node', namespace: '', name: 'n1' });
    expect(parseObjectRef('po/a', undefined)).toEqual({ kind: 'Pod', namespace: 'default', name: 'a' });
    expect(resourcePrefix('Pod')).toBe('pod');
    expect(() => parseObjectRef('web', undefined)).toThrow(/kind/);
  });
});
