import { ev, obj } from '../testing/events';
import { causalChainOf, objectHistoryOf, stateDocumentOf, timelineDocumentOf } from './history-documents';

describe('history documents', () => {
  const key = { kind: 'Deployment', namespace: 'default', name: 'web' };
  const events = [
    ev(1, 'Deployment.Created', obj('Deployment', 'web', { spec: { replicas: 1 } })),
    ev(2, 'Deployment.StatusUpdated', obj('Deployment', 'web', { spec: { replicas: 1 }, status: { replicas: 1 } })),
    ev(3, 'Deployment.Scaled', obj('Deployment', 'web', { spec: { replicas: 3 }, status: { replicas: 1 } })),
  ];

  it('an object history: revisions with diffs, noise hidden and counted, objects when asked', () => {
    const doc = objectHistoryOf(key, events, { hideStatus: true });
    expect(doc).toMatchObject({ apiVersion: 'history.wake.dev/v1', kind: 'ObjectHistory', object: key, hidden: 1 });
    expect(doc.revisions.map((r) => [r.seq, r.intent, r.changes?.map((c) => c.path)])).toEqual([[1, 'Created', undefined], [3, 'Scaled', ['spec.replicas']]]);
    expect(doc.revisions[0].object).toBeUndefined();
    const full = objectHistoryOf(key, events, { withObjects: true });
    expect(full.revisions.map((r) => (r.object!.spec as { replicas: number }).replicas)).toEqual([1, 1, 3]);
  });

  it('a state: items at the point, resourceVersion, and where the fold started', () => {
    const doc = stateDocumentOf({ seq: 7, time: '2026-01-01T00:00:07.000Z', objects: [events[2].object], fromSnapshot: 4, replayed: 3 });
    expect(doc).toEqual({
      apiVersion: 'history.wake.dev/v1', kind: 'State', metadata: { resourceVersion: '7' }, at: { seq: 7, time: '2026-01-01T00:00:07.000Z' },
      fromSnapshot: 4, replayed: 3, items: [events[2].object],
    });
  });

  it('a causal chain and a timeline keep their entries as given', () => {
    expect(causalChainOf(key, [])).toEqual({ apiVersion: 'history.wake.dev/v1', kind: 'CausalChain', object: key, steps: [] });
    const t = { seq: 1, time: 't', type: 'Deployment.Created', actor: 'user:alice', object: 'Deployment/default/web', description: 'd' };
    expect(timelineDocumentOf([t])).toEqual({ apiVersion: 'history.wake.dev/v1', kind: 'Timeline', items: [t] });
  });
});
