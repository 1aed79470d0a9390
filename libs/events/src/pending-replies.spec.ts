import { PendingReplies } from './pending-replies';

const settled = <T>(p: Promise<T>) => p.then((v) => ({ ok: v }), (e: Error) => ({ error: e.message }));

describe('PendingReplies', () => {
  it('resolves a request with its own reply, once', async () => {
    const p = new PendingReplies<string>();
    const a = p.add('a', 100);
    const b = p.add('b', 100);
    expect(p.resolve('b', 'reply-b')).toBe(true);
    expect(p.resolve('a', 'reply-a')).toBe(true);
    expect(p.resolve('a', 'again')).toBe(false);
    expect(p.resolve('zzz', 'unknown')).toBe(false);
    expect(await a).toBe('reply-a');
    expect(await b).toBe('reply-b');
    expect(p.size).toBe(0);
  });

  it('expires only requests past their deadline and reports the next deadline', async () => {
    const p = new PendingReplies<string>();
    const first = settled(p.add('1', 100));
    const second = settled(p.add('2', 150));
    const third = settled(p.add('3', 200));
    expect(p.expire(99, () => new Error('timeout'))).toBe(100);
    expect(p.size).toBe(3);
    p.resolve('2', 'ok');
    expect(p.expire(180, () => new Error('timeout'))).toBe(200);
    expect(p.expire(200, () => new Error('timeout'))).toBeUndefined();
    expect(await first).toEqual({ error: 'timeout' });
    expect(await second).toEqual({ ok: 'ok' });
    expect(await third).toEqual({ error: 'timeout' });
    expect(p.resolve('1', 'late')).toBe(false);
  });

  it('fails one request, or all of them', async () => {
    const p = new PendingReplies<string>();
    const one = settled(p.add('1', 100));
    const two = settled(p.add('2', 100));
    const three = settled(p.add('3', 100));
    expect(p.reject('1', new Error('no responders'))).toBe(true);
    p.rejectAll(new Error('closed'));
    expect(await one).toEqual({ error: 'no responders' });
    expect(await two).toEqual({ error: 'closed' });
    expect(await three).toEqual({ error: 'closed' });
    expect(p.size).toBe(0);
  });

  it('says when nothing is pending any more', async () => {
    const p = new PendingReplies<string>();
    await p.whenIdle();
    void p.add('1', 100);
    const two = settled(p.add('2', 100));
    let idle = false;
    const whenIdle = p.whenIdle().then(() => { idle = true; });
    p.resolve('1', 'ok');
    await Promise.resolve();
    expect(idle).toBe(false);
    p.expire(100, () => new Error('timeout'));
    await whenIdle;
    expect(idle).toBe(true);
    expect(await two).toEqual({ error: 'timeout' });
  });
});
