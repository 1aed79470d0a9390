import { ConflictError, ExpiredError, isWakeError } from './errors';
import type { KubeObject, StoredEvent } from './envelope';
import type { EventLog } from './event-log';

/** What a contract run needs from an implementation. */
export interface ContractSubject {
  readonly log: EventLog;
  /** Drops every event before `seq`, as retention would. */
  trimBefore(seq: number): Promise<void>;
  close(): Promise<void>;
}

export const configMap = (name: string, namespace = 'default', data: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace, uid: `uid-${namespace}-${name}` }, data,
});
const node = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, uid: `uid-node-${name}` } });
const actor = 'user:test';

async function codeOf(p: Promise<unknown>): Promise<string> {
  return p.then(() => 'accepted', (e) => (isWakeError(e) ? e.code : `untyped: ${e}`));
}

async function collect(it: AsyncIterable<StoredEvent>): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for await (const e of it) out.push(e);
  return out;
}

async function take(it: AsyncIterable<StoredEvent>, n: number): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for await (const e of it) { out.push(e); if (out.length === n) break; }
  return out;
}

/** The log contract: every EventLog implementation runs this suite. */
export function describeEventLogContract(name: string, open: () => Promise<ContractSubject>): void {
  describe(`EventLog contract: ${name}`, () => {
    let s: ContractSubject;
    beforeEach(async () => { s = await open(); });
    afterEach(async () => { await s.close(); });

    it('appends with global, increasing sequences and reads the latest event back', async () => {
      const a = await s.log.append({ type: 'ConfigMap.Created', object: configMap('a'), actor }, { expect: 'absent' });
      const b = await s.log.append({ type: 'ConfigMap.Created', object: configMap('b'), actor }, { expect: 'absent' });
      expect(b.seq).toBeGreaterThan(a.seq);
      expect(await s.log.lastSeq()).toBe(b.seq);
      const last = await s.log.last({ kind: 'ConfigMap', namespace: 'default', name: 'a' });
      expect(last).toMatchObject({ seq: a.seq, type: 'ConfigMap.Created', actor, kind: 'ConfigMap', namespace: 'default', name: 'a', uid: 'uid-default-a' });
      expect(last!.correlationId).toBe(last!.id);
      expect(await s.log.last({ kind: 'ConfigMap', namespace: 'default', name: 'zzz' })).toBeUndefined();
    });

    it('refuses a stale expected sequence with a conflict and accepts the current one', async () => {
      const a = await s.log.append({ type: 'ConfigMap.Created', object: configMap('a'), actor }, { expect: 'absent' });
      const b = await s.log.append({ type: 'ConfigMap.Updated', object: configMap('a', 'default', { k: '1' }), actor }, { expect: a.seq });
      await expect(s.log.append({ type: 'ConfigMap.Updated', object: configMap('a', 'default', { k: '2' }), actor }, { expect: a.seq }))
        .rejects.toBeInstanceOf(ConflictError);
      expect((await s.log.last(a))!.seq).toBe(b.seq);
      expect((await s.log.last(a))!.object.data).toEqual({ k: '1' });
    });

    it('creates only if absent, and again after a removal', async () => {
      const a = await s.log.append({ type: 'ConfigMap.Created', object: configMap('a'), actor }, { expect: 'absent' });
      expect(await codeOf(s.log.append({ type: 'ConfigMap.Created', object: configMap('a'), actor }, { expect: 'absent' })))
        .toBe('AlreadyExists');
      await expect(s.log.append({ type: 'ConfigMap.Created', object: configMap('a'), actor }, { expect: 0 }))
        .rejects.toBeInstanceOf(ConflictError);
      const d = await s.log.append({ type: 'ConfigMap.Deleted', object: configMap('a'), actor }, { expect: a.seq });
      const again = await s.log.append({ type: 'ConfigMap.Created', object: configMap('a'), actor }, { expect: 'absent' });
      expect(again.seq).toBeGreaterThan(d.seq);
    });

    it('stores an event id once (dedupe) and returns the original sequence', async () => {
      const first = await s.log.append({ id: 'evt-1', type: 'ConfigMap.Created', object: configMap('a'), actor }, { expect: 'any' });
      const again = await s.log.append({ id: 'evt-1', type: 'ConfigMap.Created', object: configMap('a'), actor }, { expect: 'any' });
      expect(again.seq).toBe(first.seq);
      expect(await s.log.history(first)).toHaveLength(1);
    });

    it('refuses bad input with a typed error and publishes nothing', async () => {
      const before = await s.log.lastSeq();
      const bad = [
        { ...configMap('a'), kind: 'Widget' },
        configMap('Not_A_Name'),
        configMap('a', 'Bad.Namespace'),
        { ...node('n1'), metadata: { name: 'n1', namespace: 'default', uid: 'u' } },
        configMap('a', 'default', { big: 'x'.repeat(2_000_000) }),
      ];
      const codes: string[] = [];
      for (const object of bad) codes.push(await codeOf(s.log.append({ type: `${object.kind}.Created`, object, actor }, { expect: 'any' })));
      expect(codes).toEqual(['Invalid', 'Invalid', 'Invalid', 'Invalid', 'TooLarge']);
      expect(await codeOf(s.log.append({ type: 'ConfigMap.created', object: configMap('a'), actor }, { expect: 'any' }))).toBe('Invalid');
      // The id is the Nats-Msg-Id header: no line breaks (header injection) or spaces (trimmed away).
      expect(await codeOf(s.log.append({ id: 'evt-1\r\nNats-Expected-Stream: x', type: 'ConfigMap.Created', object: configMap('a'), actor }, { expect: 'any' }))).toBe('Invalid');
      expect(await codeOf(s.log.append({ id: ' evt-1', type: 'ConfigMap.Created', object: configMap('a'), actor }, { expect: 'any' }))).toBe('Invalid');
      expect(await s.log.lastSeq()).toBe(before);
    });

    it("keeps an object's whole history in order, including its removal", async () => {
      const cm = configMap('web.v1');
      let e = await s.log.append({ type: 'ConfigMap.Created', object: cm, actor }, { expect: 'absent' });
      await s.log.append({ type: 'ConfigMap.Created', object: configMap('web-v1'), actor }, { expect: 'absent' });
      e = await s.log.append({ type: 'ConfigMap.Updated', object: configMap('web.v1', 'default', { a: '1' }), actor }, { expect: e.seq });
      await s.log.append({ type: 'ConfigMap.Deleted', object: cm, actor, causationId: e.id, causationSeq: e.seq }, { expect: e.seq });
      const h = await s.log.history({ kind: 'ConfigMap', namespace: 'default', name: 'web.v1' });
      expect(h.map((x) => x.type)).toEqual(['ConfigMap.Created', 'ConfigMap.Updated', 'ConfigMap.Deleted']);
      expect(h[2]).toMatchObject({ causationId: e.id, causationSeq: e.seq });
      expect(h.every((x, i) => i === 0 || x.seq > h[i - 1].seq)).toBe(true);
    });

    it('reads from a sequence, filtered by kind, namespace and cluster scope', async () => {
      const first = await s.log.append({ type: 'ConfigMap.Created', object: configMap('a', 'ns1'), actor }, { expect: 'absent' });
      await s.log.append({ type: 'ConfigMap.Created', object: configMap('b', 'ns2'), actor }, { expect: 'absent' });
      await s.log.append({ type: 'Node.Registered', object: node('n1'), actor }, { expect: 'absent' });
      await s.log.append({ type: 'ConfigMap.Created', object: configMap('c', 'ns1'), actor }, { expect: 'absent' });
      const names = async (o: Parameters<EventLog['read']>[0]) => (await collect(s.log.read(o))).map((x) => x.name);
      expect(await names({})).toEqual(['a', 'b', 'n1', 'c']);
      expect(await names({ afterSeq: first.seq })).toEqual(['b', 'n1', 'c']);
      expect(await names({ filter: { kind: 'ConfigMap' } })).toEqual(['a', 'b', 'c']);
      expect(await names({ filter: { kind: 'ConfigMap', namespace: 'ns1' } })).toEqual(['a', 'c']);
      expect(await names({ filter: { kind: 'Node', namespace: '' } })).toEqual(['n1']);
      expect(await names({ filter: { kind: 'Pod' } })).toEqual([]);
    });

    it('returns every matching event of a filtered read over many interleaved subjects', async () => {
      const seqs = new Map<string, number>();
      const expected: number[] = [];
      for (let round = 0; round < 6; round++) {
        for (let i = 0; i < 20; i++) {
          const ns = i % 2 ? 'odd' : 'even';
          const name = `cm-${i}`;
          const prev = seqs.get(name);
          const e = await s.log.append({ type: prev ? 'ConfigMap.Updated' : 'ConfigMap.Created', object: configMap(name, ns, { round: String(round) }), actor }, { expect: prev ?? 'absent' });
          seqs.set(name, e.seq);
          if (ns === 'odd') expected.push(e.seq);
        }
      }
      for (const after of [0, expected[10], expected[expected.length - 3]]) {
        const got = (await collect(s.log.read({ afterSeq: after, filter: { kind: 'ConfigMap', namespace: 'odd' } }))).map((e) => e.seq);
        expect(got).toEqual(expected.filter((q) => q > after));
      }
      expect((await s.log.history({ kind: 'ConfigMap', namespace: 'odd', name: 'cm-7' })).length).toBe(6);
    });

    it('watches from a sequence: the backlog, then live events, in order', async () => {
      const a = await s.log.append({ type: 'ConfigMap.Created', object: configMap('a'), actor }, { expect: 'absent' });
      await s.log.append({ type: 'ConfigMap.Created', object: configMap('b'), actor }, { expect: 'absent' });
      const w = await s.log.watch({ afterSeq: a.seq, filter: { kind: 'ConfigMap', namespace: 'default' } });
      const got = take(w, 3);
      await s.log.append({ type: 'Node.Registered', object: node('n1'), actor }, { expect: 'absent' });
      await s.log.append({ type: 'ConfigMap.Created', object: configMap('c'), actor }, { expect: 'absent' });
      await s.log.append({ type: 'ConfigMap.Created', object: configMap('d'), actor }, { expect: 'absent' });
      expect((await got).map((e) => e.name)).toEqual(['b', 'c', 'd']);
      await w.close();
    });

    it('says when a sequence is no longer retained (410 Gone)', async () => {
      const seqs: number[] = [];
      for (const n of ['a', 'b', 'c', 'd']) seqs.push((await s.log.append({ type: 'ConfigMap.Created', object: configMap(n), actor }, { expect: 'absent' })).seq);
      await s.trimBefore(seqs[2]);
      expect(await s.log.firstSeq()).toBe(seqs[2]);
      await expect(collect(s.log.read({ afterSeq: seqs[0] }))).rejects.toBeInstanceOf(ExpiredError);
      await expect(s.log.watch({ afterSeq: seqs[0] })).rejects.toBeInstanceOf(ExpiredError);
      expect((await collect(s.log.read({ afterSeq: seqs[1] }))).map((e) => e.name)).toEqual(['c', 'd']);
    });

    it('lets exactly one of 100 concurrent writers with the same expectation win', async () => {
      const base = await s.log.append({ type: 'ConfigMap.Created', object: configMap('hot'), actor }, { expect: 'absent' });
      const results = await Promise.allSettled(Array.from({ length: 100 }, (_, i) =>
        s.log.append({ type: 'ConfigMap.Updated', object: configMap('hot', 'default', { writer: String(i) }), actor }, { expect: base.seq })));
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost.every((r) => r.reason instanceof ConflictError)).toBe(true);
      const history = await s.log.history(base);
      expect(history).toHaveLength(2);
      expect(history[1].object.data).toEqual((won[0] as PromiseFulfilledResult<StoredEvent>).value.object.data);
    });
  });
}
