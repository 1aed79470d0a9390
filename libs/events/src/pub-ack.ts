/** An error JetStream's API answers with (e.g. err_code 10071: wrong last sequence). */
export interface JsApiError {
  readonly code: number;
  readonly err_code?: number;
  readonly description?: string;
}

/** What JetStream answers to a publish: the stored sequence (of the original, for a duplicate id), or an error. */
export type PubAckReply =
  | { readonly seq: number; readonly duplicate: boolean; readonly error?: undefined }
  | { readonly error: JsApiError };

const decoder = new TextDecoder();

/** Reads a publish acknowledgement; throws when the bytes are not one (as nats.js's js.publish does). */
export function parsePubAck(data: Uint8Array): PubAckReply {
  const reply = JSON.parse(decoder.decode(data)) as { stream?: string; seq?: number; duplicate?: boolean; error?: JsApiError };
  if (reply.error && reply.error.code >= 300) return { error: reply.error };
  if (!reply.stream || typeof reply.seq !== 'number') throw new Error(`not a JetStream publish acknowledgement: ${decoder.decode(data).slice(0, 200)}`);
  return { seq: reply.seq, duplicate: reply.duplicate === true };
}
