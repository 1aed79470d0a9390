import { WakeError } from '@wake/events';
import { mustParseQuantity, parseQuantity } from './quantity';

describe('parseQuantity', () => {
  it.each([
    ['100m', 0.1], ['1', 1], ['0.5', 0.5], ['1e3', 1000], ['1E3', 1000], ['2k', 2000], ['1M', 1e6], ['1G', 1e9],
    ['1Ki', 1024], ['1Mi', 1048576], ['1Gi', 1073741824], ['1.5Gi', 1610612736], ['500n', 5e-7], ['250u', 2.5e-4],
    ['1E', 1e18], ['-1', -1], ['+2', 2], ['.5', 0.5], [3, 3], [0.25, 0.25],
  ] as const)('%p is %p', (input, expected) => {
    expect(parseQuantity(input)).toBeCloseTo(expected, 12);
  });

  it.each(['', 'abc', '1Gb', '1 Gi', ' 1', '1..2', 'Gi', '1e', '1Kii', '--1'])('%p is not a quantity', (input) => {
    expect(parseQuantity(input)).toBeUndefined();
  });

  it('mustParseQuantity throws a BadRequest with the Kubernetes regex', () => {
    expect(() => mustParseQuantity('lots')).toThrow(WakeError);
    expect(() => mustParseQuantity('lots')).toThrow(
      `"lots": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
    );
    expect(mustParseQuantity('2Gi')).toBe(2147483648);
  });
});
