/**
 * Kubernetes resource quantities ("100m", "1Gi", "0.5", "1e3", or a JSON number) as plain numbers:
 * cores for CPU, bytes for memory and storage. Kubernetes keeps them as exact decimals; a double is
 * precise enough for scheduling and for comparing requests with limits.
 */
import { WakeError } from '@wake/events';

export const QUANTITY_PATTERN = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
export const QUANTITY_MESSAGE = `quantities must match the regular expression '${QUANTITY_PATTERN}'`;

const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;

const MULTIPLIERS: Record<string, number> = {
  n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

/** The value of a quantity, or undefined when it is not one. */
export function parseQuantity(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = QUANTITY.exec(value.trim() === value ? value : '');
  if (!m) return undefined;
  const base = Number(m[1]);
  if (m[2]) return base * MULTIPLIERS[m[2]];
  if (m[3]) return base * 10 ** Number(m[3]);
  return base;
}

/** Like parseQuantity, but throws a BadRequest WakeError when `value` is not a quantity. */
export function mustParseQuantity(value: string | number): number {
  const n = parseQuantity(value);
  if (n === undefined) throw new WakeError('BadRequest', `${JSON.stringify(value)}: ${QUANTITY_MESSAGE}`);
  return n;
}
