import { ev, obj } from '../testing/events';
import { readSliceLines, sliceEventLine, sliceHeaderLine, sliceSeedLine, type SliceHeader } from './slice-file';

async function* lines(...ls: string[]) { for (const l of ls) yield* l.split('\n').filter((x, i, a) => i < a.length - 1 || x); }
async function read(...ls: string[]) {
  const out = [];
  for await (const l of readSliceLines(lines(...ls))) out.push(l);
  return out;
}
const header = (state?: number): SliceHeader => ({ wakeLogSlice: 1, stream: 'S', from: 5, to: 7, exportedAt: '2026-01-01T00:00:00Z', ...(state !== undefined ? { state } : {}) });
const seed = { kind: 'Node', namespace: '', name: 'n1', seq: 2, type: 'Node.Created', object: obj('Node', 'n1') };

describe('slice files', () => {
  it('round-trips what the writers write: header, state lines, events, with line numbers', async () => {
    const e = ev(5, 'Pod.Created', obj('Pod', 'a'));
    const got = await read(sliceHeaderLine(header(1)), sliceSeedLine(seed), sliceEventLine(e));
    expect(got).toEqual([{ header: header(1), line: 1 }, { seed, line: 2 }, { event: e, line: 3 }]);
  });

  it('names the line of what is malformed, and checks the order and the announced state count', async () => {
    const e = sliceEventLine(ev(5, 'Pod.Created', obj('Pod', 'a')));
    await expect(read(sliceHeaderLine(header()), e, '{"seq":6,"kind":"Pod"}\n')).rejects.toThrow('line 3: malformed event: no type');
    await expect(read(sliceHeaderLine(header()), '{"wakeSliceSeed":{"kind":"Node"}}\n')).rejects.toThrow('line 2: malformed state line: no sequence');
    await expect(read(sliceHeaderLine(header()), '[1]\n')).rejects.toThrow('line 2: not a JSON object');
    await expect(read(sliceHeaderLine(header()), e, sliceSeedLine(seed))).rejects.toThrow('line 3: a state line after the events');
    await expect(read(sliceHeaderLine(header(2)), sliceSeedLine(seed), e)).rejects.toThrow('announces 2 state lines, the file has 1');
    await expect(read(e)).rejects.toThrow('not a Wake log slice');
    await expect(read('{"wakeLogSlice":2,"from":1,"to":2}\n')).rejects.toThrow('line 1: unknown slice format version 2');
  });
});
