import { cidrContains, formatIPv4, isLoopback, parseCidr, parseIPv4 } from './ipv4';

describe('ipv4', () => {
  it('parses and formats dotted addresses', () => {
    expect(parseIPv4('127.100.0.1')).toBe(127 * 2 ** 24 + 100 * 2 ** 16 + 1);
    expect(formatIPv4(parseIPv4('10.96.255.254')!)).toBe('10.96.255.254');
    for (const bad of ['1.2.3', '1.2.3.256', '01.2.3.4', 'a.b.c.d', '1.2.3.4.5', '']) expect(parseIPv4(bad)).toBeUndefined();
  });

  it('parses CIDRs and rejects host bits', () => {
    const c = parseCidr('127.100.0.0/16');
    expect(c.size).toBe(65536);
    expect(cidrContains(c, parseIPv4('127.100.255.255')!)).toBe(true);
    expect(cidrContains(c, parseIPv4('127.101.0.0')!)).toBe(false);
    expect(() => parseCidr('127.100.0.1/16')).toThrow(/host bits/);
    expect(() => parseCidr('127.100.0.0/33')).toThrow(/invalid CIDR/);
  });

  it('knows loopback', () => {
    expect(isLoopback('127.100.3.4')).toBe(true);
    expect(isLoopback('10.0.0.1')).toBe(false);
  });
});
