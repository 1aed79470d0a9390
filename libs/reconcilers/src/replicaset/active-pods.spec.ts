import { pod } from '../testing/fixtures';
import { compareForDeletion, podsToDelete } from './active-pods';

describe('compareForDeletion (ActivePods order)', () => {
  const cases: [string, ReturnType<typeof pod>, ReturnType<typeof pod>][] = [
    ['unassigned before assigned', pod({ name: 'a' }), pod({ name: 'b', node: 'n1' })],
    ['pending before running', pod({ name: 'a', node: 'n', phase: 'Pending' }), pod({ name: 'b', node: 'n' })],
    ['unknown before running', pod({ name: 'a', node: 'n', phase: 'Unknown' }), pod({ name: 'b', node: 'n' })],
    ['pending before unknown', pod({ name: 'a', node: 'n', phase: 'Pending' }), pod({ name: 'b', node: 'n', phase: 'Unknown' })],
    ['not ready before ready', pod({ name: 'a', node: 'n', ready: false }), pod({ name: 'b', node: 'n' })],
    ['ready for less time first', pod({ name: 'a', node: 'n', readySince: 50 }), pod({ name: 'b', node: 'n', readySince: 10 })],
    ['more restarts first', pod({ name: 'a', node: 'n', restarts: 3 }), pod({ name: 'b', node: 'n', restarts: 1 })],
    ['newer first', pod({ name: 'a', node: 'n', created: 20 }), pod({ name: 'b', node: 'n', created: 10 })],
  ];
  it.each(cases)('%s', (_n, first, second) => {
    expect(compareForDeletion(first, second)).toBeLessThan(0);
    expect(compareForDeletion(second, first)).toBeGreaterThan(0);
  });

  it('prefers pods on doubled-up nodes', () => {
    const a = pod({ name: 'a', node: 'n1', created: 1 });
    const b = pod({ name: 'b', node: 'n2', created: 2 });
    const c = pod({ name: 'c', node: 'n2', created: 3 });
    const d = pod({ name: 'd', node: 'n1' });
    // related pods: n1 has 1 (a), n2 has 3 (b, c + sibling)
    const sibling = pod({ name: 's', node: 'n2' });
    expect(podsToDelete([a, b, c, d].slice(0, 3), [a, b, c, sibling], 1).map((p) => p.metadata?.name)).toEqual(['c']);
  });

  it('returns everything when count >= length', () => {
    expect(podsToDelete([pod({ name: 'a' })], [], 3)).toHaveLength(1);
  });
});
