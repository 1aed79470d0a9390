/**
 * Name generation as the apiserver does for `generateName` (`names.SimpleNameGenerator`):
 * base + 5 characters from Kubernetes' safe alphabet (no vowels, no confusable digits).
 * Randomness is an input so reconcilers stay pure: pass `Math.random` in the shell and a
 * seeded generator in tests.
 */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const MAX_GENERATED_NAME_LENGTH = 63 - 5;

export type RandomSource = () => number; // [0, 1)

export function randomSuffix(random: RandomSource, length = 5): string {
  let s = '';
  for (let i = 0; i < length; i++) s += SAFE_ALPHABET[Math.floor(random() * SAFE_ALPHABET.length) % SAFE_ALPHABET.length];
  return s;
}

/** `generateName` semantics: the prefix is truncated so the name fits in 63 characters. */
export function generateName(prefix: string, random: RandomSource): string {
  return prefix.slice(0, MAX_GENERATED_NAME_LENGTH) + randomSuffix(random);
}

/** A deterministic random source (mulberry32) for tests and replays. */
export function seededRandom(seed: number): RandomSource {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `rand.SafeEncodeString`: maps every character onto the safe alphabet. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHABET[s.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}
