import * as api from './index';

it('the barrel exposes the reconcilers and no values from @kubernetes/client-node', () => {
  for (const fn of ['reconcileReplicaSet', 'reconcileDeployment', 'attemptToDelete', 'reconcileOwnerDeletion', 'reconcileNamespace', 'reconcileNode'] as const) {
    expect(typeof api[fn]).toBe('function');
  }
  expect(api.mergeRequeues([{ type: 'requeueAfter', seconds: 9 }, { type: 'requeueAfter', seconds: 3 }])).toEqual([{ type: 'requeueAfter', seconds: 3 }]);
});
