/**
 * apimachinery `duration.HumanDuration`: about two significant figures, as `kubectl get`
 * shows ages. Takes milliseconds; like Go, counts truncate toward zero.
 *   <-1s "<invalid>" · <0 "0s" · <2m "95s" · <10m "3m20s" · <3h "45m" · <8h "5h10m" ·
 *   <48h "30h" · <8d "3d4h" · <2y "200d" · <8y "2y10d" · else "9y"
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(ms / 60_000);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(ms / 3_600_000);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const y = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** The printers' translateTimestampSince: `<unknown>` for an absent or unparsable time. */
export function timestampSince(timestamp: string | Date | null | undefined, now: Date): string {
  const t = toMillis(timestamp);
  return t === undefined ? '<unknown>' : humanDuration(now.getTime() - t);
}

export function toMillis(timestamp: string | Date | null | undefined): number | undefined {
  if (timestamp === null || timestamp === undefined || timestamp === '') return undefined;
  const t = timestamp instanceof Date ? timestamp.getTime() : Date.parse(timestamp);
  return Number.isNaN(t) ? undefined : t;
}
