/**
 * Minimal Kubernetes resource.Quantity parsing for the scheduler.
 *
 * DEDUPE: libs/api is growing the real Quantity parser; once it lands, replace this file with it.
 * Only what the scheduler needs: a quantity scaled to an integer, rounded up like
 * `Quantity.Value()` (scale 0) and `Quantity.MilliValue()` (scale 3) do.
 */
const DECIMAL_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIX: Record<string, bigint> = {
  Ki: 1n << 10n, Mi: 1n << 20n, Gi: 1n << 30n, Ti: 1n << 40n, Pi: 1n << 50n, Ei: 1n << 60n,
};
const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/;

const cache = new Map<string, number | undefined>();

/**
 * `ceil(quantity × 10^scale)` as a number, or `undefined` when the string is not a quantity.
 * Exact (BigInt) arithmetic, so "100m" is 100 milli-units, never 101.
 */
export function parseQuantity(text: string, scale: 0 | 3 = 0): number | undefined {
  const key = scale === 0 ? text : `${text}\u0000m`;
  if (cache.has(key)) return cache.get(key);
  const value = parse(text.trim(), scale);
  if (cache.size > 10_000) cache.clear();
  cache.set(key, value);
  return value;
}

/** Value in milli-units (cpu), rounded up; invalid text counts as 0 (the gateway validates). */
export const milliValue = (text: string | undefined): number => (text === undefined ? 0 : parseQuantity(text, 3) ?? 0);
/** Integer value (bytes, counts), rounded up; invalid text counts as 0 (the gateway validates). */
export const intValue = (text: string | undefined): number => (text === undefined ? 0 : parseQuantity(text, 0) ?? 0);

function parse(text: string, scale: number): number | undefined {
  const m = QUANTITY.exec(text);
  if (!m) return undefined;
  const [, sign, digits, suffix = '', exponent] = m;
  const dot = digits.indexOf('.');
  const intPart = dot < 0 ? digits : digits.slice(0, dot);
  const fracPart = dot < 0 ? '' : digits.slice(dot + 1);
  let significand = BigInt((intPart || '0') + fracPart);
  let pow10 = -fracPart.length + scale;
  let multiplier = 1n;
  if (exponent !== undefined) pow10 += Number(exponent);
  else if (suffix in BINARY_SUFFIX) multiplier = BINARY_SUFFIX[suffix];
  else pow10 += DECIMAL_SUFFIX[suffix];
  significand *= multiplier;
  let result: bigint;
  if (pow10 >= 0) result = significand * 10n ** BigInt(pow10);
  else {
    const divisor = 10n ** BigInt(-pow10);
    result = significand / divisor + (significand % divisor === 0n ? 0n : 1n); // round up
  }
  const n = Number(result);
  return sign === '-' ? -n : n;
}
