/** Quantities and the resource metric's status entry, as the autoscaler writes them. */
import type { MetricStatus } from './types';

const SUFFIXES = ['', 'k', 'M', 'G', 'T', 'P', 'E'];

/**
 * resource.NewMilliQuantity(v, DecimalSI).String(): `250m` below a whole unit, else the largest
 * decimal suffix that keeps the number whole (`2`, `64M`, `52428800`).
 */
export function formatMilli(milli: number): string {
  const v = Math.trunc(milli);
  if (v % 1000 !== 0) return `${v}m`;
  let n = v / 1000;
  let i = 0;
  while (n !== 0 && n % 1000 === 0 && i < SUFFIXES.length - 1) { n /= 1000; i++; }
  return `${n}${SUFFIXES[i]}`;
}

/** The currentMetrics entry of a Resource metric: the average utilization (Utilization targets) and the average usage per pod. */
export function resourceMetricStatus(name: string, rawAverageMilli: number, utilization?: number): MetricStatus {
  return {
    type: 'Resource',
    resource: { name, current: { ...(utilization !== undefined ? { averageUtilization: utilization } : {}), averageValue: formatMilli(rawAverageMilli) } },
  };
}
