import type { IndexRun } from './history-indexer';

/** What the follow loop drives: anything that catches up (a HistoryIndexer). */
export interface CatchesUp {
  catchUp(): Promise<IndexRun>;
}

export interface FollowOptions {
  /** Pause between runs when the log had nothing new (default 1000 ms). */
  readonly idleMs?: number;
  /** Pause after a failed run before trying again (default 5000 ms). */
  readonly retryMs?: number;
  readonly signal: AbortSignal;
  /** Called after each run that indexed something. */
  readonly onRun?: (run: IndexRun) => void;
  readonly onError?: (e: unknown) => void;
}

/**
 * Keeps the history index at the log's end until the signal aborts: catch up, and when that
 * found nothing new, wait `idleMs` (a busy log is indexed run after run, without pauses).
 * A failed run (NATS or PostgreSQL away) is reported and retried; it never ends the loop.
 */
export async function followIndexer(indexer: CatchesUp, o: FollowOptions): Promise<void> {
  while (!o.signal.aborted) {
    let pause = o.idleMs ?? 1000;
    try {
      const run = await indexer.catchUp();
      if (run.indexed) { o.onRun?.(run); pause = 0; }
    } catch (e) {
      o.onError?.(e);
      pause = o.retryMs ?? 5000;
    }
    if (pause) await sleep(pause, o.signal);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => { clearTimeout(timer); signal.removeEventListener('abort', done); resolve(); };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
