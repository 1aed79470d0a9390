import { followIndexer } from './follow-indexer';
import type { IndexRun } from './history-indexer';

const run = (indexed: number): IndexRun => ({ indexed, throughSeq: indexed, snapshots: 0, millis: 0 });

describe('followIndexer', () => {
  it('runs back to back while there is work, pauses when idle, survives failures, and stops on abort', async () => {
    const stop = new AbortController();
    const script: (() => IndexRun)[] = [() => run(5), () => run(3), () => { throw new Error('nats away'); }, () => run(0), () => run(2)];
    const seen: string[] = [];
    let calls = 0;
    const indexer = {
      catchUp: async () => {
        const step = script[calls++];
        if (!step) { stop.abort(); return run(0); }
        return step();
      },
    };
    await followIndexer(indexer, {
      signal: stop.signal, idleMs: 5, retryMs: 5,
      onRun: (r) => seen.push(`run ${r.indexed}`), onError: (e) => seen.push(`error ${(e as Error).message}`),
    });
    expect(seen).toEqual(['run 5', 'run 3', 'error nats away', 'run 2']);
    expect(calls).toBe(script.length + 1);
  });

  it('ends a pause at once when aborted', async () => {
    const stop = new AbortController();
    const started = Date.now();
    const loop = followIndexer({ catchUp: async () => run(0) }, { signal: stop.signal, idleMs: 60_000 });
    setTimeout(() => stop.abort(), 20);
    await loop;
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
