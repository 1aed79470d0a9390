/**
 * `intstr.GetScaledValueFromIntOrPercent`: an int as is, or "N%" of `total`, rounded up or
 * down. Throws on malformed strings (validation should have refused them).
 */
export function scaledValue(v: number | string | undefined, total: number, roundUp: boolean, dflt: number | string = 0): number {
  const value = v ?? dflt;
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(value);
  if (!m) {
    if (/^\d+$/.test(value)) return Number(value);
    throw new Error(`invalid int or percentage: ${JSON.stringify(value)}`);
  }
  const scaled = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}
