import type { SpdyStream } from './spdy/spdy-session';

/** One forwarded connection: its error and data streams, and the pod port it is for. */
export interface StreamPair {
  readonly requestId: string;
  readonly data: SpdyStream;
  readonly error: SpdyStream;
  /** undefined when the `port` header is not a port number (the error stream says so). */
  readonly port: number | undefined;
}

const header = (s: SpdyStream, name: string): string | undefined => s.headers[name.toLowerCase()]?.[0];

/**
 * The kubelet's pairing of port-forward streams (pkg/kubelet/cri/streaming/portforward/httpstream.go):
 * each has `streamType` error or data, `port` and `requestID`; a pair is complete when both types of
 * one request id have arrived. Without a requestID (old clients) the id comes from the stream id
 * (the error stream's own, the data stream's minus 2). Another type, or a type twice, is reset.
 * Pure apart from the streams it is given.
 */
export function pairStreams(onPair: (pair: StreamPair) => void): (s: SpdyStream) => void {
  const waiting = new Map<string, { data?: SpdyStream; error?: SpdyStream }>();
  return (s) => {
    const type = header(s, 'streamType');
    if (type !== 'data' && type !== 'error') return s.reset();
    const requestId = header(s, 'requestID') ?? String(type === 'error' ? s.id : s.id - 2);
    const half = waiting.get(requestId) ?? {};
    if (half[type]) return s.reset();
    half[type] = s;
    if (!half.data || !half.error) {
      waiting.set(requestId, half);
      return;
    }
    waiting.delete(requestId);
    onPair({ requestId, data: half.data, error: half.error, port: portOf(header(half.data, 'port')) });
  };
}

/** A port header as the kubelet parses it (a decimal uint16, not 0). */
export function portOf(text: string | undefined): number | undefined {
  if (!text || !/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : undefined;
}
