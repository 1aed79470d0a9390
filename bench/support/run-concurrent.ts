import { Latency } from './latency';

export interface RunResult {
  readonly ops: number;
  readonly seconds: number;
  readonly opsPerSec: number;
  readonly latency: Latency;
}

/**
 * Runs `ops` operations with `concurrency` workers, each doing its share one after another:
 * worker w runs its k-th operation as `op(w, k)`. Operations of one worker never overlap, so a
 * worker may own objects (no conflicts between workers). Every latency is recorded.
 */
export async function runConcurrent(
  ops: number,
  concurrency: number,
  op: (worker: number, k: number) => Promise<unknown>,
): Promise<RunResult> {
  const latency = new Latency();
  const perWorker = Math.ceil(ops / concurrency);
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, async (_, w) => {
    const mine = Math.min(perWorker, ops - w * perWorker);
    for (let k = 0; k < mine; k++) {
      const t = process.hrtime.bigint();
      await op(w, k);
      latency.record(Number(process.hrtime.bigint() - t) / 1000);
    }
  }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { ops, seconds, opsPerSec: ops / seconds, latency };
}

/** The median of a few trials (the middle one; the mean of the two middle ones when even). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
