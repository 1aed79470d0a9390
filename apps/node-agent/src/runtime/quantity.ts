import { parseQuantity as parseApiQuantity } from '@wake/api';

/**
 * Kubernetes resource quantities ("100m", "64Mi", "1.5", "1e3") as plain numbers — the same
 * parser that validated the pod (libs/api), accepting an absent value.
 */
export function parseQuantity(q: string | number | undefined): number | undefined {
  return q === undefined || q === null ? undefined : parseApiQuantity(q);
}
