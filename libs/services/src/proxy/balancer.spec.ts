import { Balancer } from './balancer';

const a = { ip: '127.1.0.1', port: 80 };
const b = { ip: '127.1.0.2', port: 80 };
const c = { ip: '127.1.0.3', port: 80 };

describe('Balancer', () => {
  it('rotates round-robin and keeps rotating when the set changes', () => {
    const lb = new Balancer([a, b]);
    expect([1, 2, 3, 4].map(() => lb.pick('10.0.0.1', 0)?.ip)).toEqual([a.ip, b.ip, a.ip, b.ip]);
    lb.setBackends([a, b, c]);
    expect([1, 2, 3].map(() => lb.pick('10.0.0.1', 0)?.ip)).toEqual([a.ip, b.ip, c.ip]);
    lb.setBackends([c]);
    expect(lb.pick('x', 0)).toEqual(c);
    lb.setBackends([]);
    expect(lb.pick('x', 0)).toBeUndefined();
  });

  it('skips excluded backends (a failed connect retries elsewhere)', () => {
    const lb = new Balancer([a, b]);
    expect(lb.pick('x', 0, new Set(['127.1.0.1:80']))).toEqual(b);
    expect(lb.pick('x', 0, new Set(['127.1.0.1:80', '127.1.0.2:80']))).toBeUndefined();
  });

  it('sticks a client to its backend within the timeout, then rebalances', () => {
    const lb = new Balancer([a, b, c], 10_000);
    const first = lb.pick('10.0.0.1', 0);
    expect(lb.pick('10.0.0.1', 5_000)).toEqual(first);
    expect(lb.pick('10.0.0.1', 14_000)).toEqual(first); // the timeout counts from the last use
    expect(lb.pick('10.0.0.2', 14_000)).not.toEqual(first);
    expect(lb.pick('10.0.0.1', 30_000)).not.toEqual(first);
  });

  it('forgets affinity to a removed backend', () => {
    const lb = new Balancer([a, b], 10_000);
    expect(lb.pick('client', 0)).toEqual(a);
    lb.setBackends([b, c], 10_000);
    expect(lb.pick('client', 1)).not.toEqual(a);
    lb.setBackends([b, c]); // affinity switched off: the same client rotates
    expect(lb.pick('client', 2)).not.toEqual(lb.pick('client', 3));
  });
});
