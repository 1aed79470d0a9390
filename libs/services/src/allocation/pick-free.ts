/**
 * Candidates for dynamic allocation: every index of a range of `size`, starting at a random one and
 * wrapping around, skipping those `taken` says are in use. Lazy, so a caller that loses a race for one
 * candidate simply takes the next. Pure (randomness is an input).
 */
export function* freeCandidates(size: number, taken: (index: number) => boolean, random: () => number): Generator<number> {
  if (size <= 0) return;
  const start = Math.floor(random() * size) % size;
  for (let i = 0; i < size; i++) {
    const index = (start + i) % size;
    if (!taken(index)) yield index;
  }
}
