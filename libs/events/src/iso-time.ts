let cachedMs = Number.NaN;
let cachedIso = '';

/**
 * `new Date(ms).toISOString()`, remembered for the last millisecond asked: appends come
 * many to a millisecond under load, and formatting a date costs more than the rest of
 * sealing an event.
 */
export function isoTime(ms: number = Date.now()): string {
  if (ms !== cachedMs) {
    cachedIso = new Date(ms).toISOString();
    cachedMs = ms;
  }
  return cachedIso;
}
