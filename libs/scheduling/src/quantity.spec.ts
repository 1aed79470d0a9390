import { milliValue, intValue, parseQuantity } from './quantity';

describe('quantity', () => {
  it.each([
    ['100m', 100, 1],
    ['1', 1000, 1],
    ['1.5', 1500, 2],
    ['2e3', 2_000_000, 2000],
    ['0.1', 100, 1],
    ['1k', 1_000_000, 1000],
    ['250u', 1, 1],
    ['.5', 500, 1],
  ])('%s → %d milli, %d value', (text, milli, value) => {
    expect(milliValue(text)).toBe(milli);
    expect(intValue(text)).toBe(value);
  });

  it.each([
    ['1Gi', 1024 ** 3],
    ['512Mi', 512 * 1024 ** 2],
    ['1.5Gi', 1.5 * 1024 ** 3],
    ['1G', 1e9],
    ['128974848', 128974848],
    ['129e6', 129e6],
  ])('%s → %d bytes', (text, bytes) => expect(intValue(text)).toBe(bytes));

  it('rejects garbage', () => {
    expect(parseQuantity('1Gb')).toBeUndefined();
    expect(parseQuantity('')).toBeUndefined();
    expect(intValue('abc')).toBe(0);
  });
});
