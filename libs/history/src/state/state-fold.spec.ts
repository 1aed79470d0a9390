import { ev, obj } from '../testing/events';
import { StateFold } from './state-fold';

describe('StateFold', () => {
  const a1 = ev(1, 'Pod.Created', obj('Pod', 'a'));
  const b2 = ev(2, 'Pod.Created', obj('Pod', 'b'));
  const a3 = ev(3, 'Pod.Bound', obj('Pod', 'a', { spec: { nodeName: 'n1' } }));
  const b4 = ev(4, 'Pod.Deleted', obj('Pod', 'b'));
  const n5 = ev(5, 'Node.Created', obj('Node', 'n1'));

  it('keeps the latest revision of each live object, with its resourceVersion', () => {
    const f = new StateFold();
    for (const e of [a1, b2, a3, b4, n5]) f.apply(e);
    expect(f.seq).toBe(5);
    expect(f.objects().map((o) => [o.kind, o.metadata.name, o.metadata.resourceVersion])).toEqual([['Node', 'n1', '5'], ['Pod', 'a', '3']]);
    expect(f.objects({ kind: 'Pod', namespace: 'default' })[0]).toEqual({ ...a3.object, metadata: { ...a3.object.metadata, resourceVersion: '3' } });
    expect(f.objects({ namespace: 'other' })).toEqual([]);
  });

  it('is idempotent: an older or repeated event changes nothing', () => {
    const f = new StateFold();
    for (const e of [a1, a3, a1, a3]) f.apply(e);
    expect(f.objects()[0].metadata.resourceVersion).toBe('3');
  });

  it('continues from a snapshot seed', () => {
    const f = new StateFold([{ kind: 'Pod', namespace: 'default', name: 'b', seq: 2, type: 'Pod.Created', object: b2.object }], 2);
    f.apply(b4);
    f.apply(n5);
    expect(f.objects().map((o) => o.metadata.name)).toEqual(['n1']);
  });
});
