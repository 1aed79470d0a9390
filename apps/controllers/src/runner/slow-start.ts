/**
 * Kubernetes' `slowStartBatch`: run `fn` over `items` in batches of 1, 2, 4, … (capped),
 * each batch concurrently, stopping after the first batch with a failure, so a systemic
 * error (quota, a terminating namespace) costs one call rather than hundreds.
 * Returns how many succeeded and the first error.
 */
export async function slowStart<T>(items: readonly T[], fn: (item: T) => Promise<void>, opts: { initial?: number; max?: number } = {}): Promise<{ done: number; error?: unknown }> {
  let done = 0;
  let size = opts.initial ?? 1;
  let i = 0;
  while (i < items.length) {
    const batch = items.slice(i, i + size);
    i += batch.length;
    const results = await Promise.allSettled(batch.map(fn));
    done += results.filter((r) => r.status === 'fulfilled').length;
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) return { done, error: failed.reason };
    size = Math.min(size * 2, opts.max ?? 256);
  }
  return { done };
}
