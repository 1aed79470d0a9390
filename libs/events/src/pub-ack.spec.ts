import { parsePubAck } from './pub-ack';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('parsePubAck', () => {
  it('reads the stored sequence, and whether the id was a duplicate', () => {
    expect(parsePubAck(bytes('{"stream":"WAKE_EVENTS","seq":42}'))).toEqual({ seq: 42, duplicate: false });
    expect(parsePubAck(bytes('{"stream":"WAKE_EVENTS","domain":"hub","seq":7,"duplicate":true}'))).toEqual({ seq: 7, duplicate: true });
  });

  it('returns the API error JetStream answered with', () => {
    const error = { code: 400, err_code: 10071, description: 'wrong last sequence: 41' };
    expect(parsePubAck(bytes(JSON.stringify({ error })))).toEqual({ error });
  });

  it('refuses what is not an acknowledgement', () => {
    expect(() => parsePubAck(bytes('{"seq":1}'))).toThrow(/not a JetStream publish acknowledgement/);
    expect(() => parsePubAck(bytes('{"stream":"","seq":1}'))).toThrow(/not a JetStream publish acknowledgement/);
    expect(() => parsePubAck(bytes('hello'))).toThrow();
    expect(() => parsePubAck(new Uint8Array())).toThrow();
  });
});
