import { createTestDatabase } from '@wake/testing';
import { closePrisma, createPrisma, type PrismaClient } from './prisma';
import { ProjectionStore, type PageLabelTerm, type PageQuery } from './projection-store';
import type { LogMessage } from './batch-rows';

// ProjectionStore.page(): keyset pages on the primary key with label terms filtered in SQL must
// give, page after page, exactly the objects a full read filtered in memory gives.
let db: { url: string; drop: () => Promise<void> };
let prisma: PrismaClient;
let store: ProjectionStore;

const cm = (ns: string, name: string, labels?: Record<string, string>) => ({
  apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: ns, name, uid: `uid-${ns}-${name}`, ...(labels ? { labels } : {}) },
});
const event = (seq: number, type: string, object: ReturnType<typeof cm>): LogMessage => ({
  seq,
  body: JSON.stringify({ id: `e${seq}`, type, kind: object.kind, namespace: object.metadata.namespace, name: object.metadata.name, uid: object.metadata.uid, object, actor: 'test' }),
});

// Namespaces `a` and `a-b`: "a/…" sorts after "a-b/…" as one string but before it as (namespace, name).
const objects = ['a', 'a-b', 'b'].flatMap((ns) => Array.from({ length: 7 }, (_, i) =>
  cm(ns, `o-${i}`, i === 6 ? undefined : { tier: ['web', 'db', 'cache'][i % 3], ...(i % 2 ? { odd: '' } : {}) })));

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = createPrisma(db.url);
  store = new ProjectionStore(prisma);
  let seq = 0;
  await store.applyBatch('main', [
    ...objects.map((o) => event(++seq, 'ConfigMap.Created', o)),
    event(++seq, 'ConfigMap.Deleted', objects[1]), // a/o-1 deleted: never listed nor counted
    event(++seq, 'ConfigMap.Created', { ...cm('a', 'x'), kind: 'Secret' } as ReturnType<typeof cm>), // another kind
  ]);
});
afterAll(async () => {
  await closePrisma(prisma);
  await db.drop();
});

type Labels = Record<string, string> | undefined;
const matches = (t: PageLabelTerm, l: Labels): boolean => {
  const has = l !== undefined && t.key in l;
  switch (t.operator) {
    case 'in': return has && t.values.includes(l![t.key]);
    case 'notin': return !has || !t.values.includes(l![t.key]);
    case 'exists': return has;
    case '!': return !has;
  }
};
const keyOf = (o: { metadata: { namespace?: string; name: string } }) => [o.metadata.namespace ?? '', o.metadata.name] as const;

async function allPages(q: Omit<PageQuery, 'after'>) {
  const pages: Array<{ names: string[]; total: number }> = [];
  let after: PageQuery['after'];
  for (;;) {
    const page = await store.page({ ...q, after });
    expect(page.seq).toBe(objects.length + 2);
    pages.push({ names: page.objects.map((o) => keyOf(o).join('/')), total: page.total });
    if (page.total <= q.limit) return pages;
    const [namespace, name] = keyOf(page.objects[page.objects.length - 1]);
    after = { namespace, name };
  }
}

it.each<[string, PageLabelTerm[]]>([
  ['no terms', []],
  ['in', [{ key: 'tier', operator: 'in', values: ['web', 'cache'] }]],
  ['notin (objects without the label too)', [{ key: 'tier', operator: 'notin', values: ['db'] }]],
  ['exists with an empty value', [{ key: 'odd', operator: 'exists', values: [] }]],
  ['does not exist, ANDed', [{ key: 'odd', operator: '!', values: [] }, { key: 'tier', operator: 'in', values: ['web', 'db', 'cache'] }]],
])('pages %s: full pages in (namespace, name) order, the count of what remains', async (_, labels) => {
  for (const namespace of [undefined, 'a', 'a-b']) {
    const live = objects.filter((o, i) => i !== 1 && (namespace === undefined || o.metadata.namespace === namespace));
    const want = live.filter((o) => labels.every((t) => matches(t, o.metadata.labels))).map((o) => keyOf(o).join('/'));
    for (const limit of [1, 2, 4, 100]) {
      const pages = await allPages({ kind: 'ConfigMap', namespace, labels, limit });
      expect(pages.flatMap((p) => p.names)).toEqual(want);
      // every page but the last is full; each page's total counts it and everything after it
      pages.forEach((p, i) => {
        expect(p.names.length).toBe(i < pages.length - 1 ? limit : want.length - limit * i);
        expect(p.total).toBe(want.length - limit * i);
      });
    }
  }
});
