/** How a reconcile's recorded writes compare with today's, as multisets of signatures. */
export interface WritesComparison {
  readonly match: boolean;
  /** Recorded writes today's logic would not make. */
  readonly missing: readonly string[];
  /** Writes today's logic would make that were not recorded. */
  readonly extra: readonly string[];
}

/**
 * Equal multisets match. So does a recording that lacks only status writes today's logic also
 * wants: the runner applies a reconcile's actions in order and stops at the first conflict, and
 * the status write, last, is the one that usually meets a concurrent writer (then the retry,
 * with a newer cause, writes it). A missing create, update or delete is always a difference.
 */
export function compareWrites(recorded: readonly string[], today: readonly string[]): WritesComparison {
  const left = new Map<string, number>();
  for (const s of today) left.set(s, (left.get(s) ?? 0) + 1);
  const missing: string[] = [];
  for (const s of recorded) {
    const n = left.get(s) ?? 0;
    if (n > 0) left.set(s, n - 1);
    else missing.push(s);
  }
  const extra = today.filter((s) => {
    const n = left.get(s) ?? 0;
    if (n <= 0) return false;
    left.set(s, n - 1);
    return true;
  });
  const match = missing.length === 0 && extra.every((s) => s.startsWith('status '));
  return { match, missing, extra };
}
