import type { KubeObject } from '@wake/events';
import { HttpError } from '../http/status';
import { equalityLabels, paginate, selectionOf, selects } from './list-query';

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
});
