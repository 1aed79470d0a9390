import { ClusterSnapshot, makeNode, makePod, schedule } from '@wake/scheduling';
import { explainStored, trimRecord } from './trim-record';

function cluster(n: number, small = 0): ClusterSnapshot {
  const s = new ClusterSnapshot();
  for (let i = 0; i < n; i++) s.updateNode(makeNode(`node-${i}`, { cpu: i < small ? '100m' : '4' }));
  return s;
}

describe('trimRecord', () => {
  it('keeps a small cluster whole: every rejected node by name and every scored node', () => {
    const s = cluster(3, 1);
    const d = schedule(makePod('web', { cpu: '1' }), s);
    const t = trimRecord(d.record, 5, 20);
    expect(t.rejected).toEqual({ total: 1, groups: [{ plugin: 'NodeResourcesFit', reason: 'Insufficient cpu', count: 1, nodes: ['node-0'] }] });
    expect(t.scored.top.map((x) => x.node).sort()).toEqual(['node-1', 'node-2']);
    expect(t.chosen).toBe(d.type === 'Scheduled' ? d.nodeName : undefined);
    expect(explainStored(t, 'node-0')).toEqual({ verdict: 'rejected', plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'] });
    expect(explainStored(t, t.chosen!)).toMatchObject({ verdict: 'scored', chosen: true });
  });

  it('aggregates a large cluster and keeps the top scored nodes, always including the chosen one, in a few KB', () => {
    const s = cluster(1000, 600);
    const d = schedule(makePod('web', { cpu: '1' }), s, {}, { startIndex: 0 });
    expect(d.type).toBe('Scheduled');
    const t = trimRecord(d.record, 3, 10);
    expect(t.rejected.total).toBe(600);
    expect(t.rejected.groups).toEqual([expect.objectContaining({ plugin: 'NodeResourcesFit', reason: 'Insufficient cpu', count: 600 })]);
    expect(t.rejected.groups[0].nodes).toHaveLength(10);
    expect(t.scored.top).toHaveLength(3);
    expect(t.scored.top.map((x) => x.node)).toContain(t.chosen);
    expect(t.scored.total).toBe(d.record.scored.nodes.length);
    expect(JSON.stringify(t).length).toBeLessThan(4096);
    expect(JSON.stringify(d.record).length).toBeGreaterThan(10_000);
  });

  it('keeps the chosen node even when a tie-break put it below the top N', () => {
    const s = cluster(10);
    const d = schedule(makePod('web', { cpu: '1' }), s, {}, { seed: 9 });
    const t = trimRecord(d.record, 1, 20);
    expect(t.scored.top.map((x) => x.node)).toEqual([t.chosen]);
  });
});
