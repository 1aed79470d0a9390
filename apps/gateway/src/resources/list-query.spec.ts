import type { KubeObject } from '@wake/events';
import { HttpError } from '../http/status';
import { equalityLabels, paginate, selectionOf, selects, sqlLabelTerms, startKeyOf } from './list-query';

const pod = (ns: string, name: string, labels: Record<string, string> = {}, nodeName?: string): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { namespace: ns, name, labels }, spec: { nodeName } });

describe('list queries', () => {
  it('selects by label set operators and field selectors', () => {
    const sel = selectionOf('Pod', 'app=web,tier notin (db),!legacy', 'spec.nodeName=n1');
    expect(selects(sel, 'Pod', pod('a', 'x', { app: 'web', tier: 'fe' }, 'n1'))).toBe(true);
    expect(selects(sel, 'Pod', pod('a', 'x', { app: 'web', tier: 'db' }, 'n1'))).toBe(false);
    expect(selects(sel, 'Pod', pod('a', 'x', { app: 'web', legacy: '1' }, 'n1'))).toBe(false);
    expect(selects(sel, 'Pod', pod('a', 'x', { app: 'web' }, 'n2'))).toBe(false);
    expect(equalityLabels(sel)).toEqual({ app: 'web' });
  });
  it('refuses unsupported field labels with 400', () => {
    expect(() => selectionOf('ConfigMap', null, 'spec.nodeName=x')).toThrow('field label not supported: spec.nodeName');
    expect(() => selectionOf('Event', null, 'involvedObject.name=web,involvedObject.uid=1')).not.toThrow();
  });
  it('pages with continue tokens and counts what remains', () => {
    const all = ['a', 'b', 'c', 'd', 'e'].map((n) => pod('ns', n));
    const p1 = paginate(all, 7, 2, null);
    expect(p1.items.map((o) => o.metadata.name)).toEqual(['a', 'b']);
    expect(p1.remainingItemCount).toBe(3);
    const p2 = paginate(all, 7, 2, p1.continue!);
    expect(p2.items.map((o) => o.metadata.name)).toEqual(['c', 'd']);
    const p3 = paginate(all, 7, 2, p2.continue!);
    expect(p3).toEqual({ items: [all[4]] });
    expect(paginate(all, 7, 0, null).items).toHaveLength(5);
    expect(() => paginate(all, 7, 2, 'garbage')).toThrow(HttpError);
  });
  it('hands PostgreSQL the label selectors it can filter on, and nothing else', () => {
    expect(sqlLabelTerms(selectionOf('Pod', 'app=web,tier!=db,env in (a,b),x notin (y),ok,!legacy', null))).toEqual([
      { key: 'app', operator: 'in', values: ['web'] },
      { key: 'env', operator: 'in', values: ['a', 'b'] },
      { key: 'legacy', operator: '!', values: [] },
      { key: 'ok', operator: 'exists', values: [] },
      { key: 'tier', operator: 'notin', values: ['db'] },
      { key: 'x', operator: 'notin', values: ['y'] },
    ]);
    expect(sqlLabelTerms(selectionOf('Pod', null, null))).toEqual([]);
    expect(sqlLabelTerms(selectionOf('Pod', 'app=web,n>1', null))).toBeUndefined();
    expect(sqlLabelTerms(selectionOf('Pod', 'app=web', 'spec.nodeName=n1'))).toBeUndefined();
  });
  it('reads a continue token\'s start as (namespace, name), refusing a start that is no key', () => {
    const p1 = paginate([pod('a-b', 'x'), pod('a-b', 'y')], 7, 1, null);
    expect(p1.continue).toBeDefined();
    // across namespaces the token resumes in (namespace, name) order, not in "namespace/name" string order
    const across = [pod('a', 'x'), pod('a', 'y'), pod('a-b', 'x')];
    const q1 = paginate(across, 7, 2, null);
    expect(paginate(across, 7, 5, q1.continue!).items.map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(['a-b/x']);
    expect(startKeyOf('a-b/x')).toEqual({ namespace: 'a-b', name: 'x' });
    expect(startKeyOf('/node-1')).toEqual({ namespace: '', name: 'node-1' });
    expect(() => startKeyOf('no-slash')).toThrow(HttpError);
  });
});
