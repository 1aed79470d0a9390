import { SUBJECT_PREFIX } from './subject';

/** How the log's JetStream stream is configured. Full history by default. */
export interface StreamSettings {
  readonly name: string;
  /** 1 on a single machine; 3 when NATS runs as a cluster across machines. */
  readonly replicas: number;
  /** 0 keeps events forever. */
  readonly maxAgeSeconds: number;
  /** -1 is unlimited. */
  readonly maxBytes: number;
  readonly duplicateWindowSeconds: number;
}

export const DEFAULT_STREAM: StreamSettings = {
  name: 'WAKE_EVENTS',
  replicas: 1,
  maxAgeSeconds: 0,
  maxBytes: -1,
  duplicateWindowSeconds: 120,
};

export const STREAM_SUBJECTS = [`${SUBJECT_PREFIX}.>`];

/** Reads WAKE_STREAM_* variables over the defaults. */
export function streamSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): StreamSettings {
  const num = (v: string | undefined, d: number) => (v === undefined || v === '' ? d : Number(v));
  return {
    name: env.WAKE_STREAM_NAME || DEFAULT_STREAM.name,
    replicas: num(env.WAKE_STREAM_REPLICAS, DEFAULT_STREAM.replicas),
    maxAgeSeconds: num(env.WAKE_STREAM_MAX_AGE_SECONDS, DEFAULT_STREAM.maxAgeSeconds),
    maxBytes: num(env.WAKE_STREAM_MAX_BYTES, DEFAULT_STREAM.maxBytes),
    duplicateWindowSeconds: num(env.WAKE_STREAM_DUPLICATE_WINDOW_SECONDS, DEFAULT_STREAM.duplicateWindowSeconds),
  };
}
