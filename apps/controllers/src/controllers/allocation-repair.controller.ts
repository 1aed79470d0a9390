import type { KubeObject } from '@wake/events';
import type { Action } from '@wake/reconcilers';
import { rangesFromEnv, repairAllocations, type Service } from '@wake/services';
import type { ControllerDefinition } from '../runner/controller';

const KEY = 'allocations';
const PERIOD_SECONDS = 60;
const ranges = rangesFromEnv();

/**
 * ClusterIP / NodePort repair (leader only, as the controllers run): frees allocations whose Service is
 * gone or no longer uses them (e.g. Services removed by the namespace controller or the garbage
 * collector, which do not go through the gateway's allocator), re-creates missing ones, warns about
 * conflicts. One key; every allocation change or Service removal queues it, and it runs every 60 s.
 */
export const allocationRepairController: ControllerDefinition = {
  name: 'allocation-repair',
  component: 'ipallocator-repair-controller',
  watches: {
    IPAddress: () => [KEY],
    NodePortAllocation: () => [KEY],
    Service: (e) => (e.type === 'DELETED' ? [KEY] : []),
  },
  workers: 1,
  reconcile(_key, { cache, now }): Action[] {
    return [
      ...repairAllocations({
        services: cache.listAll<Service>('Service'),
        ipAddresses: cache.listAll<KubeObject>('IPAddress'),
        nodePorts: cache.listAll<KubeObject>('NodePortAllocation'),
      }, { ranges, now: now() }),
      { type: 'requeueAfter', seconds: PERIOD_SECONDS },
    ];
  },
};
