import type { JetStreamManager } from 'nats';
import { decodeEvent, SUBJECT_PREFIX, type StoredEvent } from '@wake/events';

interface DirectApi {
  getMessage(stream: string, query: { seq: number; next_by_subj?: string }): Promise<{ seq: number; data: Uint8Array }>;
}

/**
 * The first event at or after `seq` by JetStream direct get (the stream allows direct access),
 * or undefined past the end. nats.js 2.29 has the API at runtime but not on JetStreamManager's type.
 */
export async function directEventAt(jsm: JetStreamManager, stream: string, seq: number): Promise<StoredEvent | undefined> {
  const direct = (jsm as JetStreamManager & { direct: DirectApi }).direct;
  try {
    return decodeEvent(await direct.getMessage(stream, { seq, next_by_subj: `${SUBJECT_PREFIX}.>` }));
  } catch (e) {
    const err = e as { code?: string; message?: string };
    if (err.code === '404' || /no message found|not found/i.test(err.message ?? '')) return undefined;
    throw e;
  }
}
