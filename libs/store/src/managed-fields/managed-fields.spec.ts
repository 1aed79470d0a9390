import { applyPatch } from '@wake/api';
import type { KubeObject } from '@wake/events';
import { fieldPaths, pathKey, removeAt } from './field-path';
import { fromFieldsV1, toFieldsV1 } from './fields-v1';
import { appliedEntries, planApply, recordUpdate } from './managed-fields';

const now = new Date('2026-11-23T10:00:00Z');
const merge = (a: KubeObject, b: KubeObject) => applyPatch(a, b, 'application/strategic-merge-patch+json', a.kind);
const deploy = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } }, spec });
const containers = (...cs: Record<string, unknown>[]) => ({ template: { spec: { containers: cs } } });

describe('field sets', () => {
  it('names leaves, keyed list items and atomic lists, and round-trips through FieldsV1', () => {
    const paths = fieldPaths(deploy({ replicas: 2, ...containers({ name: 'web', image: 'a', args: ['x'] }) }), 'Deployment');
    expect(paths.has(pathKey(['f:spec', 'f:replicas']))).toBe(true);
    expect(paths.has(pathKey(['f:spec', 'f:template', 'f:spec', 'f:containers', 'k:{"name":"web"}']))).toBe(true);
    expect(paths.has(pathKey(['f:spec', 'f:template', 'f:spec', 'f:containers', 'k:{"name":"web"}', 'f:args']))).toBe(true);
    expect(paths.has(pathKey(['f:metadata', 'f:labels', 'f:app']))).toBe(true);
    expect(fromFieldsV1(toFieldsV1(paths))).toEqual(paths);
    expect(toFieldsV1(paths)['f:spec']['f:template']['f:spec']['f:containers']['k:{"name":"web"}']['.']).toEqual({});
  });
  it('removes fields and list items by path', () => {
    const d = deploy({ replicas: 2, ...containers({ name: 'a' }, { name: 'b' }) });
    const out = removeAt(removeAt(d, ['f:spec', 'f:replicas']), ['f:spec', 'f:template', 'f:spec', 'f:containers', 'k:{"name":"a"}']);
    expect(out.spec).toEqual(containers({ name: 'b' }));
  });
});

describe('server-side apply', () => {
  const applied = deploy({ replicas: 2, ...containers({ name: 'web', image: 'a' }, { name: 'side', image: 's' }) });
  const created = { ...applied, metadata: { ...applied.metadata, managedFields: appliedEntries(applied, 'ci', now) } };

  it('removes what the manager stopped applying and merges the rest', () => {
    const next = planApply(created, deploy({ replicas: 2, ...containers({ name: 'web', image: 'b' }) }), 'ci', false, now, merge);
    expect((next.spec as any).template.spec.containers).toEqual([{ name: 'web', image: 'b' }]);
    expect(next.metadata.managedFields).toHaveLength(1);
  });
  it('reports a conflict with another manager, and takes the field over when forced', () => {
    const scaled = { ...created, spec: { ...((created as { spec?: object }).spec), replicas: 5 } } as typeof created;
    const managed = recordUpdate(created, scaled, 'kubectl-scale', now)!;
    const live = { ...scaled, metadata: { ...scaled.metadata, managedFields: managed } };
    expect(() => planApply(live, applied, 'ci', false, now, merge)).toThrow('Apply failed with 1 conflict: conflict with "kubectl-scale" using apps/v1: .spec.replicas');
    const forced = planApply(live, applied, 'ci', true, now, merge);
    expect((forced.spec as any).replicas).toBe(2);
    expect((forced.metadata.managedFields as { manager: string }[]).map((m) => m.manager)).toEqual(['ci']);
  });
  it('shares a field whose value the manager applies unchanged', () => {
    const other = planApply(created, deploy({ replicas: 2 }), 'other', false, now, merge);
    expect((other.metadata.managedFields as unknown[]).length).toBe(2);
  });
  it('records nothing for an update that changes no tracked field', () => {
    expect(recordUpdate(created, { ...created, status: { replicas: 1 } }, 'x', now)).toBeUndefined();
  });
});
