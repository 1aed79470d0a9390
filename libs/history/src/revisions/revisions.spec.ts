import { ev, obj } from '../testing/events';
import { buildRevisions } from './revisions';

describe('buildRevisions', () => {
  const d1 = obj('Deployment', 'web', { spec: { replicas: 1 } });
  const d2 = obj('Deployment', 'web', { spec: { replicas: 3 } });
  const d3 = obj('Deployment', 'web', { spec: { replicas: 3 }, status: { replicas: 3 } });
  const again = obj('Deployment', 'web', { spec: { replicas: 2 } }, { uid: 'uid-2' });
  const events = [ev(1, 'Deployment.Created', d1), ev(4, 'Deployment.Scaled', d2, { actor: 'user:bob' }), ev(6, 'Deployment.StatusUpdated', d3),
    ev(9, 'Deployment.Deleted', d3), ev(12, 'Deployment.Created', again)];

  it('diffs each revision against the one before, and starts over after a removal', () => {
    const { revisions, hidden } = buildRevisions(events);
    expect(hidden).toBe(0);
    expect(revisions.map((r) => [r.seq, r.intent, r.actor, r.changes?.map((c) => c.path), r.removed])).toEqual([
      [1, 'Created', 'user:alice', undefined, false],
      [4, 'Scaled', 'user:bob', ['spec.replicas'], false],
      [6, 'StatusUpdated', 'user:alice', ['status'], false],
      [9, 'Deleted', 'user:alice', [], true],
      [12, 'Created', 'user:alice', undefined, false],
    ]);
  });

  it('hides status-only revisions and counts them', () => {
    const { revisions, hidden } = buildRevisions(events, { hideStatus: true });
    expect(revisions.map((r) => r.seq)).toEqual([1, 4, 9, 12]);
    expect(hidden).toBe(1);
  });
});
