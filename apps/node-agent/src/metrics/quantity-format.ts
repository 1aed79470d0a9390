/**
 * Usage as Kubernetes quantities, in canonical form (what resource.Quantity prints): the largest
 * suffix that keeps the number whole, so nothing is rounded beyond the unit.
 *   CPU (decimal SI, from nanocores): 2e9 → "2", 250e6 → "250m", 1500 → "1500n", 0 → "0".
 *   Memory (binary SI, from bytes):   64 MiB → "64Mi", 12288 → "12Ki", 1000 → "1000".
 */
const CPU_SUFFIXES: ReadonlyArray<readonly [number, string]> = [[1e9, ''], [1e6, 'm'], [1e3, 'u'], [1, 'n']];
const BINARY_SUFFIXES: ReadonlyArray<readonly [number, string]> = [[2 ** 50, 'Pi'], [2 ** 40, 'Ti'], [2 ** 30, 'Gi'], [2 ** 20, 'Mi'], [2 ** 10, 'Ki'], [1, '']];

function canonical(value: number, suffixes: ReadonlyArray<readonly [number, string]>): string {
  const n = Math.max(0, Math.round(value));
  if (n === 0) return '0';
  const [unit, suffix] = suffixes.find(([u]) => n % u === 0)!;
  return `${n / unit}${suffix}`;
}

export const formatCpu = (nanoCores: number): string => canonical(nanoCores, CPU_SUFFIXES);

export const formatMemory = (bytes: number): string => canonical(bytes, BINARY_SUFFIXES);
