import { ev, obj } from '../testing/events';
import { sliceSeedLine } from '../slice/slice-file';
import { replayInputFromLines } from './replay-source';

async function* lines(...ls: string[]) { for (const l of ls) yield l; }
const header = JSON.stringify({ wakeLogSlice: 1, stream: 'S', from: 5, to: 7, exportedAt: '2026-01-01T00:00:00Z' });

describe('replayInputFromLines', () => {
  it('reads the header, seed lines and events (in sequence order)', async () => {
    const node = obj('Node', 'n1');
    const seed = { kind: 'Node', namespace: '', name: 'n1', seq: 2, type: 'Node.Created', object: node };
    const input = await replayInputFromLines(lines(header, sliceSeedLine(seed).trim(), JSON.stringify(ev(7, 'Pod.Created', obj('Pod', 'b'))), '', JSON.stringify(ev(5, 'Pod.Created', obj('Pod', 'a')))));
    expect(input.seed).toEqual([seed]);
    expect(input.events.map((e) => e.seq)).toEqual([5, 7]);
    expect(input).toMatchObject({ fromSeq: 5, toSeq: 7, hasSeed: true });
  });

  it('refuses what is not a slice', async () => {
    await expect(replayInputFromLines(lines(JSON.stringify(ev(1, 'Pod.Created', obj('Pod', 'a')))))).rejects.toThrow('not a Wake log slice');
    await expect(replayInputFromLines(lines(header, '{oops'))).rejects.toThrow('line 2: not JSON');
  });
});
