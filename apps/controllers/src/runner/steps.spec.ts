import type { Action } from '@wake/reconcilers';
import { batches, planSteps } from './steps';
import { slowStart } from './slow-start';

const ref = { apiVersion: 'v1', kind: 'Pod', namespace: 'default', name: 'p' };
const create = (name: string): Action => ({ type: 'create', object: { apiVersion: 'v1', kind: 'Pod', metadata: { name } } });
const ev = (reason: string): Action => ({ type: 'event', eventType: 'Normal', reason, message: reason, involvedObject: ref });

it('attaches events to the write before them and keeps the soonest requeue', () => {
  const plan = planSteps([ev('Lead'), create('a'), ev('A'), create('b'), ev('B'), { type: 'requeueAfter', seconds: 9 }, { type: 'requeueAfter', seconds: 2 }]);
  expect(plan.steps.map((s) => [s.write?.type ?? null, s.events.map((e) => e.reason)])).toEqual([[null, ['Lead']], ['create', ['A']], ['create', ['B']]]);
  expect(plan.requeueAfter).toBe(2);
});

it('batches consecutive creates and deletes, keeps updates sequential', () => {
  const del: Action = { type: 'delete', key: ref };
  const upd: Action = { type: 'updateStatus', object: { metadata: { name: 'rs' } }, expectSeq: '1' };
  const plan = planSteps([upd, create('a'), create('b'), del, del, upd]);
  expect(batches(plan.steps).map((b) => b.map((s) => s.write?.type))).toEqual([['updateStatus'], ['create', 'create'], ['delete', 'delete'], ['updateStatus']]);
});

it('slow start doubles batch sizes and stops after the first failing batch', async () => {
  const seen: number[] = [];
  const r = await slowStart([1, 2, 3, 4, 5, 6, 7, 8, 9], async (n) => { seen.push(n); if (n === 5) throw new Error('no'); });
  expect(r.done).toBe(6);
  expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  expect((r.error as Error).message).toBe('no');
});
