import { formatCpu, formatMemory } from './quantity-format';

describe('formatCpu', () => {
  it.each([
    [0, '0'], [2e9, '2'], [250e6, '250m'], [12e6, '12m'], [1_500_000_000, '1500m'], [1_234_567, '1234567n'], [5_000, '5u'], [0.4, '0'], [-3, '0'],
  ])('%d nanocores → %s', (n, want) => expect(formatCpu(n)).toBe(want));
});

describe('formatMemory', () => {
  it.each([
    [0, '0'], [64 * 2 ** 20, '64Mi'], [34 * 2 ** 20, '34Mi'], [12_288, '12Ki'], [2 ** 30, '1Gi'], [1000, '1000'], [1536 * 2 ** 20, '1536Mi'],
  ])('%d bytes → %s', (n, want) => expect(formatMemory(n)).toBe(want));
});
