import { headers, MsgHdrsImpl } from 'nats';
import { EVENT_TYPE_HEADER, EventHeaders, EXPECTED_LAST_SUBJECT_SEQUENCE_HEADER, MSG_ID_HEADER } from './event-headers';

/** What the log sent before: nats.js's headers, set one by one, then js.publish adding the msgID. */
function viaNats(type: string, id: string, expected: number | undefined): Uint8Array {
  const h = headers() as MsgHdrsImpl;
  h.set(EVENT_TYPE_HEADER, type);
  if (expected !== undefined) h.set(EXPECTED_LAST_SUBJECT_SEQUENCE_HEADER, String(expected));
  h.set(MSG_ID_HEADER, id);
  return h.encode();
}

describe('EventHeaders', () => {
  it.each([
    ['Pod.Updated', '0b7f6a2e-5f3c-4c1e-9a57-3f3e2d1c0b9a', 42],
    ['Pod.Created', 'evt-1', 0],
    ['Node.Registered', 'evt-ü', undefined],
  ])('encodes %s / %s / expect %s to the same bytes as nats.js', (type, id, expected) => {
    const ours = new EventHeaders(type, id, expected);
    expect(Buffer.from(ours.encode()).toString('utf8')).toBe(Buffer.from(viaNats(type, id, expected)).toString('utf8'));
    const back = MsgHdrsImpl.decode(ours.encode());
    expect(back.get(EVENT_TYPE_HEADER)).toBe(type);
    expect(back.get(MSG_ID_HEADER)).toBe(id);
    expect(back.has(EXPECTED_LAST_SUBJECT_SEQUENCE_HEADER)).toBe(expected !== undefined);
    expect(ours.get(EXPECTED_LAST_SUBJECT_SEQUENCE_HEADER)).toBe(expected === undefined ? '' : String(expected));
  });
});
