import { podReachableDns } from './pod-dns';

describe('podReachableDns', () => {
  const on53 = [{ host: '127.0.0.2', port: 53 }];
  it('names the node address when the DNS is on port 53 and pods route that address to the node', () => {
    expect(podReachableDns('127.0.0.2', on53, ['127.100.0.0/16', '127.0.0.2/32'])).toBe('127.0.0.2');
  });
  it('names nothing when pods cannot reach it or resolv.conf cannot say the port', () => {
    expect(podReachableDns('127.0.0.2', on53, ['127.100.0.0/16'])).toBeUndefined();
    expect(podReachableDns('127.0.0.2', [{ host: '127.0.0.2', port: 10053 }], ['127.0.0.2/32'])).toBeUndefined();
    expect(podReachableDns('127.0.0.2', [], ['127.0.0.2/32'])).toBeUndefined();
  });
  it('a real host address needs no route', () => {
    expect(podReachableDns('192.0.2.10', [{ host: '192.0.2.10', port: 53 }], [])).toBe('192.0.2.10');
  });
});
