import { pairStreams, portOf, type StreamPair } from './port-forward-streams';
import type { SpdyStream } from './spdy/spdy-session';

const stream = (id: number, headers: Record<string, string>) => {
  const s = { id, headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), [v]])), resets: 0 } as unknown as SpdyStream & { resets: number };
  (s as unknown as { reset: () => void }).reset = () => { s.resets++; };
  return s;
};

describe('pairing port-forward streams', () => {
  it('pairs error and data streams by requestID, in either order, with the port', () => {
    const pairs: StreamPair[] = [];
    const accept = pairStreams((p) => pairs.push(p));
    const e0 = stream(1, { streamType: 'error', port: '80', requestID: '0' });
    const d1 = stream(3, { streamType: 'data', port: '81', requestID: '1' });
    const d0 = stream(5, { streamType: 'data', port: '80', requestID: '0' });
    const e1 = stream(7, { streamType: 'error', port: '81', requestID: '1' });
    for (const s of [e0, d1, d0, e1]) accept(s);
    expect(pairs.map((p) => [p.requestId, p.error.id, p.data.id, p.port])).toEqual([['0', 1, 5, 80], ['1', 7, 3, 81]]);
  });

  it('without requestID (old clients) takes it from the stream ids, as the kubelet does', () => {
    const pairs: StreamPair[] = [];
    const accept = pairStreams((p) => pairs.push(p));
    accept(stream(1, { streamType: 'error', port: '80' }));
    accept(stream(3, { streamType: 'data', port: '80' }));
    expect(pairs.map((p) => [p.requestId, p.port])).toEqual([['1', 80]]);
  });

  it('resets a stream of another type or a second stream of one type', () => {
    const accept = pairStreams(() => undefined);
    const odd = stream(1, { streamType: 'resize', requestID: '0' });
    accept(odd);
    const first = stream(3, { streamType: 'data', port: '80', requestID: '0' });
    const twice = stream(5, { streamType: 'data', port: '80', requestID: '0' });
    accept(first);
    accept(twice);
    expect([odd, first, twice].map((s) => (s as unknown as { resets: number }).resets)).toEqual([1, 0, 1]);
  });

  it('reads ports as the kubelet parses them', () => {
    expect([portOf('80'), portOf('65535'), portOf('0'), portOf('65536'), portOf('8o'), portOf(undefined), portOf('-1')]).toEqual([80, 65535, undefined, undefined, undefined, undefined, undefined]);
  });
});
