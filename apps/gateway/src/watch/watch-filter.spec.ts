import type { KubeObject, StoredEvent } from '@wake/events';
import { selectionOf } from '../resources/list-query';
import { WatchFilter } from './watch-filter';

let seq = 0;
const ev = (type: string, name: string, labels: Record<string, string> = {}): StoredEvent => ({
  id: String(seq), type: `Pod.${type}`, kind: 'Pod', namespace: 'default', name, uid: 'u', actor: 'a', correlationId: 'c',
  time: '', schemaVersion: 1, seq: ++seq,
  object: { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels } },
});
const types = (f: WatchFilter, events: StoredEvent[]) => events.map((e) => f.next(e)?.type ?? '-');

describe('WatchFilter', () => {
  it('maps created/updated/deleted without selectors', () => {
    const f = new WatchFilter('Pod', selectionOf('Pod', null, null));
    expect(types(f, [ev('Created', 'a'), ev('Updated', 'a'), ev('Deleted', 'a')])).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
    expect(f.next(ev('Created', 'b'))!.object.metadata.resourceVersion).toBe(String(seq));
  });
  it('adds objects that enter a label selection and deletes those that leave it', () => {
    const f = new WatchFilter('Pod', selectionOf('Pod', 'app=web', null));
    expect(types(f, [
      ev('Created', 'a', { app: 'db' }), ev('MetadataUpdated', 'a', { app: 'web' }), ev('Updated', 'a', { app: 'web' }),
      ev('MetadataUpdated', 'a', { app: 'db' }), ev('Deleted', 'a', { app: 'db' }),
    ])).toEqual(['-', 'ADDED', 'MODIFIED', 'DELETED', '-']);
  });
  it('knows what the initial list delivered', () => {
    const initial: KubeObject[] = [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', namespace: 'default', labels: { app: 'web' } } }];
    const f = new WatchFilter('Pod', selectionOf('Pod', 'app=web', null), initial);
    expect(types(f, [ev('Updated', 'x', { app: 'web' }), ev('Created', 'y', { app: 'web' }), ev('Deleted', 'x', { app: 'web' })])).toEqual(['MODIFIED', 'ADDED', 'DELETED']);
  });
  it('filters by field selector, and treats unseen objects by intent when resuming', () => {
    const f = new WatchFilter('Pod', selectionOf('Pod', null, 'metadata.name=b'));
    expect(types(f, [ev('Updated', 'a'), ev('Updated', 'b'), ev('Deleted', 'b')])).toEqual(['-', 'MODIFIED', 'DELETED']);
  });
});
