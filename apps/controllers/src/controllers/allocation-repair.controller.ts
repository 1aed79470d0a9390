import type { KubeObject } from '@wake/events';
import type { Action } from '@wake/reconcilers';
import { rangesFromEnv, removedServiceValues, repairAllocations, type RemovedServiceValues, type Service } from '@wake/services';
import type { ControllerDefinition } from '../runner/controller';

const KEY = 'allocations';
/** A removed Service's values ride in their own key, so its repair pass frees them at once. */
const REMOVED = 'removed:';
const PERIOD_SECONDS = 60;
const ranges = rangesFromEnv();

/**
 * ClusterIP / NodePort repair (leader only, as the controllers run): frees allocations whose Service is
 * gone or no longer uses them (e.g. Services removed by the namespace controller or the garbage
 * collector, which do not go through the gateway's allocator), re-creates missing ones, warns about
 * conflicts. One key that every allocation change queues, and that runs every 60 s; a Service's removal
 * queues a key carrying what it held, so its ClusterIP and NodePorts are free again at once, not after
 * the 60 s grace that protects Services still being created.
 */
export const allocationRepairController: ControllerDefinition = {
  name: 'allocation-repair',
  component: 'ipallocator-repair-controller',
  watches: {
    IPAddress: () => [KEY],
    NodePortAllocation: () => [KEY],
    Service: (e) => (e.type === 'DELETED' ? [REMOVED + JSON.stringify(removedServiceValues(e.object as Service))] : []),
  },
  workers: 1,
  reconcile(key, { cache, now }): Action[] {
    const removed: RemovedServiceValues[] = key.startsWith(REMOVED) ? [JSON.parse(key.slice(REMOVED.length))] : [];
    return [
      ...repairAllocations({
        services: cache.listAll<Service>('Service'),
        ipAddresses: cache.listAll<KubeObject>('IPAddress'),
        nodePorts: cache.listAll<KubeObject>('NodePortAllocation'),
        removed,
      }, { ranges, now: now() }),
      ...(removed.length ? [] : [{ type: 'requeueAfter', seconds: PERIOD_SECONDS } as Action]),
    ];
  },
};
