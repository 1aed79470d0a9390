import type { V1ResourceRequirements } from '@kubernetes/client-node';
import { parseQuantity } from './quantity';
import { toDockerResources } from './resources';

describe('quantities', () => {
  it.each([
    ['100m', 0.1], ['1', 1], ['1.5', 1.5], ['2k', 2000], ['64Mi', 64 * 2 ** 20], ['1Gi', 2 ** 30], ['1G', 1e9], ['1e3', 1000], ['500Ki', 512000],
  ])('%s = %d', (q, n) => expect(parseQuantity(q)).toBeCloseTo(n));
  it('rejects garbage', () => expect(parseQuantity('lots')).toBeUndefined());
});

describe('toDockerResources', () => {
  it.each([
    { name: 'nothing', res: {}, expected: {} },
    { name: 'cpu limit → quota, request defaults to it', res: { limits: { cpu: '500m' } }, expected: { NanoCpus: 5e8, CpuShares: 512 } },
    { name: 'cpu request → shares (min 2)', res: { requests: { cpu: '1m' } }, expected: { CpuShares: 2 } },
    { name: 'memory limit → Memory = MemorySwap (no swap)', res: { limits: { memory: '16Mi' } }, expected: { Memory: 16777216, MemorySwap: 16777216 } },
    { name: 'both', res: { requests: { cpu: '250m', memory: '8Mi' }, limits: { cpu: '2', memory: '1Gi' } }, expected: { NanoCpus: 2e9, CpuShares: 256, Memory: 2 ** 30, MemorySwap: 2 ** 30 } },
  ])('$name', ({ res, expected }) => {
    expect(toDockerResources({ name: 'c', resources: res as V1ResourceRequirements })).toEqual(expected);
  });
});
